package hotline.voice;

import java.util.Optional;

/**
 * The only webhook parameters the call flow reads. Parameters that identify the caller (From, Caller, CallerName,
 * the From* location fields) are never copied in here, so no code after the signature check can store or log them.
 *
 * @param digits           what the caller pressed; empty when they pressed nothing
 * @param dialCallStatus   Twilio's outcome of a transfer (completed, busy, no-answer, failed, canceled)
 * @param dialCallSeconds  how long a connected transfer lasted
 * @param hotlineNumber    the number the caller dialed (ours), used as caller ID on transfers so that the
 *                         caller's own number is not passed on
 * @param speech           what the caller said instead of pressing a key, as Twilio recognized it; used only
 *                         to choose an option, never stored or logged
 */
public record CallInput(String digits, Optional<String> dialCallStatus, int dialCallSeconds, Optional<String> hotlineNumber,
                        Optional<String> speech) {
    public static CallInput none() {
        return new CallInput("", Optional.empty(), 0, Optional.empty(), Optional.empty());
    }

    public static CallInput pressed(String digits) {
        return new CallInput(digits, Optional.empty(), 0, Optional.empty(), Optional.empty());
    }

    public static CallInput said(String words) {
        return new CallInput("", Optional.empty(), 0, Optional.empty(), Optional.of(words));
    }

    public static CallInput dialed(String status, int seconds) {
        return new CallInput("", Optional.of(status), seconds, Optional.empty(), Optional.empty());
    }
}
