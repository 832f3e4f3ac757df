package hotline.admin;

import hotline.content.ContentStore;
import hotline.web.Dates;
import hotline.web.FieldError;
import hotline.web.Frame;

import java.time.ZoneId;
import java.util.List;

/**
 * The question before a rollback: what callers will hear from the next call, and, if the draft has changes not yet
 * published, whether to keep them or replace them with the version rolled back to.
 *
 * @param callersWillHear what changes for callers: from the live version to the one rolled back to
 * @param draftChanges    the draft's unpublished changes, which "replace" would throw away
 * @param choice          what was chosen, when the page comes back with a mistake
 */
public record RollbackPage(Frame frame, ContentStore.Version version, ContentStore.Version live,
                           List<ContentDiff.Change> callersWillHear, List<ContentDiff.Change> draftChanges, String choice,
                           String note, List<FieldError> errors, ZoneId zone) {

    public String published() {
        return Dates.dateTimeInZone(version.publishedAt(), zone);
    }

    public String action() {
        return AdminRoutes.rollback(version.id());
    }

    public String changeCount(int n) {
        return OverviewController.count(n, "change");
    }

    public boolean hasError() {
        return !errors.isEmpty();
    }
}
