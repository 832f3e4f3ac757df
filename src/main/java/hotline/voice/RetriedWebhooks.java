package hotline.voice;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recognizes a webhook Twilio sends again after a timeout or a lost connection: a retry carries the same
 * {@code I-Twilio-Idempotency-Token} as the first attempt. A retry is answered like the first (answers depend only
 * on the request), but its events are not counted twice. Tokens are kept in memory for {@link #REMEMBERED}.
 */
final class RetriedWebhooks {
    static final String HEADER = "I-Twilio-Idempotency-Token";
    /** Twilio gives up retrying long before this. */
    static final Duration REMEMBERED = Duration.ofMinutes(10);
    /** A bound on memory whatever arrives; reaching it forgets the older half of what was seen. */
    static final int MAX_TOKENS = 100_000;

    private final Map<String, Instant> seen = new ConcurrentHashMap<>();

    /** False for a token seen before: the events of this webhook were counted already. */
    boolean firstTime(String token, Instant now) {
        if (token == null || token.isEmpty() || token.length() > 200) {
            return true;
        }
        if (seen.size() >= MAX_TOKENS) {
            forgetSome(now);
        }
        Instant before = seen.putIfAbsent(token, now);
        return before == null || before.isBefore(now.minus(REMEMBERED));
    }

    /**
     * Forgets the tokens older than half of {@link #REMEMBERED}; if that frees less than a quarter of the room (a
     * busy spell), forgets them all. Each pass reads every token, so it must leave room for many more before the
     * next: otherwise, full of recent tokens, it would run again at every webhook. At worst a retry arriving right
     * after is counted twice, which only touches the figures, never the call.
     */
    private synchronized void forgetSome(Instant now) {
        if (seen.size() < MAX_TOKENS) {
            return; // another thread made room meanwhile
        }
        Instant cutoff = now.minus(REMEMBERED.dividedBy(2));
        seen.values().removeIf(when -> when.isBefore(cutoff));
        if (seen.size() > MAX_TOKENS * 3 / 4) {
            seen.clear();
        }
    }
}
