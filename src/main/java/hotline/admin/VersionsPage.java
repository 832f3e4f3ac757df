package hotline.admin;

import hotline.content.ContentStore;
import hotline.web.Dates;
import hotline.web.FieldError;
import hotline.web.Frame;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** Every published version, newest first; and, when two are compared, what differs between them. */
public record VersionsPage(Frame frame, List<ContentStore.Version> versions, long live, long from, long to,
                           List<ContentDiff.Change> changes, List<FieldError> problems, ZoneId zone) {

    public String when(Instant instant) {
        return Dates.dateTime(instant, zone);
    }

    public String zoneName() {
        return Dates.zoneName(zone);
    }

    public boolean comparing() {
        return from > 0 && to > 0;
    }

    public String rollbackLink(ContentStore.Version version) {
        return AdminRoutes.rollback(version.id());
    }
}
