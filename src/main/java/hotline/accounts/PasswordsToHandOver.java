package hotline.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A one-time password, between the form that made it and the page that shows it once: forms are answered with a
 * redirect (so that a reload never makes another), and the page after it shows the password. It is held in memory only,
 * for the session that made it, for two minutes at most, and forgotten once shown: it is never written anywhere.
 */
final class PasswordsToHandOver {
    static final Duration HELD = Duration.ofMinutes(2);

    /** A password to give to the person whose account it is. */
    record Handover(String accountName, String password, Instant madeAt) {
    }

    private final Map<String, Handover> bySession = new ConcurrentHashMap<>();
    private final Clock clock;

    PasswordsToHandOver(Clock clock) {
        this.clock = clock;
    }

    void hold(Sessions.Session session, String accountName, String password) {
        Instant now = clock.instant();
        bySession.values().removeIf(h -> h.madeAt().plus(HELD).isBefore(now));
        bySession.put(session.tokenHash(), new Handover(accountName, password, now));
    }

    /** The password waiting for this session, once. */
    Optional<Handover> take(Sessions.Session session) {
        Handover handover = bySession.remove(session.tokenHash());
        return handover == null || handover.madeAt().plus(HELD).isBefore(clock.instant()) ? Optional.empty() : Optional.of(handover);
    }
}
