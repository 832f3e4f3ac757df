package hotline.admin;

import hotline.audit.AuditLog;
import hotline.web.Dates;
import hotline.web.Frame;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** The latest lines of the audit log, each action in words (its code in small print), times in the hotline's zone. */
public record AuditPage(Frame frame, List<AuditLog.Entry> entries, ZoneId zone) {
    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("login", "Signed in"), Map.entry("login_failed", "Sign-in refused"), Map.entry("logout", "Signed out"),
            Map.entry("publish", "Published"), Map.entry("rollback", "Rolled back"), Map.entry("import", "Imported files"),
            Map.entry("account_created", "Added an account"), Map.entry("account_role", "Changed a role"),
            Map.entry("account_disabled", "Disabled an account"), Map.entry("account_enabled", "Enabled an account"),
            Map.entry("password_reset", "Reset a password"), Map.entry("password_changed", "Changed their password"),
            Map.entry("language_reviewed", "Signed off a language"),
            Map.entry("language_review_withdrawn", "Withdrew a language's sign-off"));

    public String when(Instant instant) {
        return Dates.dateTime(instant, zone);
    }

    public String zoneName() {
        return Dates.zoneName(zone);
    }

    /** The action in words; an action no release names yet, as it is stored. */
    public String action(String code) {
        return ACTIONS.getOrDefault(code, code);
    }
}
