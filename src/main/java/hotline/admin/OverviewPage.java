package hotline.admin;

import hotline.content.FallbackStatus;
import hotline.content.ContentStore;
import hotline.web.Frame;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.Instant;
import java.util.List;

/**
 * The admin home: what callers hear now, what the draft changes, whether it can be published, and the form
 * that publishes it.
 *
 * @param refusal  right after a publish was refused, why, so the page says that nothing changed; empty otherwise
 * @param fallback whether the TwiML Bin holds the live content's fallback
 */
public record OverviewPage(Frame frame, ContentStore.Version live, ContentStore.Draft draft,
                           List<ContentDiff.Change> changes, List<ProblemView> errors, List<ProblemView> warnings,
                           List<String> needReview, String refusal, String note, ZoneId zone,
                           FallbackStatus.Status fallback) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm");

    public String when(Instant instant) {
        return WHEN.format(instant.atZone(zone));
    }
}
