package hotline.admin;

import hotline.content.ContentStore;
import hotline.web.Frame;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Every published version, newest first; and, when two are compared, what differs between them. */
public record VersionsPage(Frame frame, List<ContentStore.Version> versions, long live, long from, long to,
                           List<ContentDiff.Change> changes, List<ProblemView> problems, ZoneId zone) {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm");

    public String when(Instant instant) {
        return WHEN.format(instant.atZone(zone));
    }

    public boolean comparing() {
        return from > 0 && to > 0;
    }
}
