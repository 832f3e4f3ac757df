package hotline.admin;

import hotline.audit.AuditLog;
import hotline.web.Frame;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The latest lines of the audit log. */
public record AuditPage(Frame frame, List<AuditLog.Entry> entries, ZoneId zone) {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public String when(Instant instant) {
        return WHEN.format(instant.atZone(zone));
    }
}
