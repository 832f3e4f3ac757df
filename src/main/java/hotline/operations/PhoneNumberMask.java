package hotline.operations;

import java.util.regex.Pattern;

/**
 * Removes anything shaped like a phone number from a log line. The hotline never logs callers' numbers in the
 * first place; this is the second line of defense, should a library or a future change ever try.
 * Seven or more digits, alone or in groups joined by spaces, dots, dashes or brackets, after an optional "+"
 * (or "%2B", URL-encoded), count as a number; dates and digits inside words (hashes, call ids) do not. A long plain count is masked too: a fair price for safety.
 */
public final class PhoneNumberMask {
    public static final String REMOVED = "[number removed]";
    private static final Pattern PHONE_SHAPED = Pattern.compile(
            "(?<![\\w+.%])(?!\\d{4}-\\d{2}-\\d{2})(?:\\+|%2[Bb])?\\(?\\d(?:[ ().-]{0,2}\\d){6,}(?!\\w)");

    private PhoneNumberMask() {
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return PHONE_SHAPED.matcher(text).replaceAll(REMOVED);
    }
}
