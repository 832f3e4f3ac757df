package hotline.operations;

import java.util.regex.Pattern;

/**
 * Removes anything shaped like a phone number from a log line. The hotline never logs callers' numbers in the
 * first place; this is the second line of defense, should a library or a future change ever try.
 * <p>
 * Seven or more digits (of any script: full-width {@code ２１３} and Arabic-Indic digits count), alone or in
 * groups joined by spaces, dots, dashes, slashes, underscores, brackets or pluses, also when URL-encoded
 * ({@code %20}, {@code %2D}, {@code +}), after an optional "+" ({@code %2B}, {@code ＋}), count as a number.
 * Dates, IPv4 addresses (the source of a failed sign-in is worth keeping) and digits inside words (hashes, call
 * ids) do not. A long plain count is masked too: a fair price for safety.
 */
public final class PhoneNumberMask {
    public static final String REMOVED = "[number removed]";
    private static final String DIGIT = "\\p{Nd}";
    /** What may join the groups of a number, as typed or as URL-encoding writes it; full-width forms too. */
    private static final String SEPARATOR = "(?:[ \\t\\u00A0\\u3000().\\-/_+\\u2010-\\u2015\\uFF08\\uFF09\\uFF0B\\uFF0D\\uFF0E\\uFF0F]"
            + "|%(?:20|2[Bb]|2[Dd]|2[Ee]|2[Ff]|28|29))";
    /**
     * Not inside a word or a decimal; but right after a URL-encoded character ({@code at%20213...}) a number may
     * begin, although the escape ends in a letter or digit.
     */
    private static final String START = "(?:(?<=%[0-9A-Fa-f]{2})|(?<![\\p{L}\\p{Nd}.%]))";
    private static final String DATE = "(?:" + DIGIT + "{4}[-/.]" + DIGIT + "{1,2}[-/.]" + DIGIT + "{1,2}|"
            + DIGIT + "{1,2}[-/.]" + DIGIT + "{1,2}[-/.]" + DIGIT + "{4})(?!" + DIGIT + ")";
    private static final String OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final String IPV4 = OCTET + "(?:\\." + OCTET + "){3}(?![0-9]|\\.[0-9])";
    private static final Pattern PHONE_SHAPED = Pattern.compile(START + "(?!" + DATE + ")(?!" + IPV4 + ")"
            + "(?:[+\\uFF0B]|%2[Bb])?[(\\uFF08]?" + DIGIT + "(?:" + SEPARATOR + "{0,3}" + DIGIT + "){6,}(?![\\p{L}\\p{Nd}])");

    private PhoneNumberMask() {
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return PHONE_SHAPED.matcher(text).replaceAll(REMOVED);
    }
}
