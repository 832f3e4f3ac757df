package hotline.admin;

import hotline.content.FallbackStatus;
import hotline.content.ContentStore;
import hotline.web.Dates;
import hotline.web.FieldError;
import hotline.web.Frame;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The admin home: what callers hear now, what the draft changes (each change with a way to revert it), whether it can
 * be published, and the form that publishes it.
 *
 * @param why      why the last publish did nothing, when it was not the draft's problems; empty otherwise
 * @param refused  the problems that stopped the last publish, shown again after its redirect; empty otherwise
 * @param waiting  forms kept when this person's session ended, not yet saved or thrown away
 * @param fallback whether the TwiML Bin holds the live content's fallback
 */
public record OverviewPage(Frame frame, ContentStore.Version live, ContentStore.Draft draft,
                           List<ContentDiff.Change> changes, List<ProblemView> errors, List<ProblemView> warnings,
                           List<LanguageLink> needReview, String why, List<ProblemView> refused, String note, ZoneId zone,
                           List<KeptFormViews.View> waiting, FallbackStatus.Status fallback) {

    /** A language by its name, linking to its prompts. */
    public record LanguageLink(String code, String name) {
    }

    public String when(Instant instant) {
        return Dates.dateTime(instant, zone);
    }

    public String zoneName() {
        return Dates.zoneName(zone);
    }

    public String revertLink(ContentDiff.Change change) {
        return OverviewController.revertLink(change);
    }

    /** The publish that was refused, as an error summary: why, then each problem linking to where it is fixed. */
    public List<FieldError> refusal() {
        if (refused.isEmpty() && why.isEmpty()) {
            return List.of();
        }
        List<FieldError> summary = new ArrayList<>();
        summary.add(FieldError.general(!why.isEmpty() ? why
                : "Nothing was published: the draft has the problems below. Callers still hear " + live.label() + "."));
        refused.forEach(problem -> summary.add(new FieldError(problem.link().isEmpty() ? "" : problem.link(), problem.text())));
        return summary;
    }
}
