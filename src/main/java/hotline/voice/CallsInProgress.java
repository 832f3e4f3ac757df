package hotline.voice;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many calls are in progress: started by the incoming webhook, ended by Twilio's final status callback
 * (a repeated callback ends nothing twice). A call whose end never arrives is forgotten after {@link #LONGEST_CALL}.
 * Calls are held by a salted hash of their CallSid, in memory only, and only until they end.
 */
public final class CallsInProgress {
    static final Duration LONGEST_CALL = Duration.ofHours(4);

    private final Map<String, Instant> started = new ConcurrentHashMap<>();
    private final byte[] salt = new byte[16];
    private final ThreadLocal<MessageDigest> digests = ThreadLocal.withInitial(CallsInProgress::sha256);

    public CallsInProgress() {
        new SecureRandom().nextBytes(salt);
    }

    public void started(String callSid, Instant now) {
        if (callSid != null && !callSid.isEmpty()) {
            started.putIfAbsent(key(callSid), now);
        }
    }

    public void ended(String callSid) {
        if (callSid != null && !callSid.isEmpty()) {
            started.remove(key(callSid));
        }
    }

    public int count(Instant now) {
        Instant oldest = now.minus(LONGEST_CALL);
        started.values().removeIf(start -> start.isBefore(oldest));
        return started.size();
    }

    private String key(String callSid) {
        MessageDigest sha = digests.get();
        sha.update(salt);
        byte[] digest = sha.digest(callSid.getBytes(StandardCharsets.UTF_8));
        return new String(digest, 0, 12, StandardCharsets.ISO_8859_1);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
