package hotline.catalog;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a text must be to be heard well, checked for every text callers or lines hear: nothing TwiML cannot carry,
 * no web address read out as written, no digits a voice would read as a sum. A problem names what to write instead.
 */
public final class TextRules {
    /** Web addresses: "da.lacounty.gov/victims" is read letter salad by most voices. */
    private static final Pattern WEB_ADDRESS = Pattern.compile(
            "(?i)(https?://|www\\.|[\\p{L}\\p{N}-]+\\.(gov|org|com|net|edu|us|info|io)(\\b|/))");
    /** "room 12-514" is read as twelve minus five hundred fourteen. */
    private static final Pattern JOINED_DIGITS = Pattern.compile("\\p{Nd}\\s?[-\u2010\u2011\u2012\u2013\u2014\u2212]\\s?\\p{Nd}");

    private TextRules() {
    }

    static void check(String text, String file, String key, List<CatalogProblem> problems) {
        if (text == null) {
            return;
        }
        int bad = firstUnspeakable(text);
        if (bad >= 0) {
            problems.add(CatalogProblem.wording(file, key, "contains " + describe(text.codePointAt(bad))
                    + ", which a phone call cannot carry; retype that part of the text"));
        }
        Matcher address = WEB_ADDRESS.matcher(text);
        if (address.find()) {
            problems.add(CatalogProblem.wording(file, key, "has a web address written as text (\"" + around(text, address.start())
                    + "\"), which voices read badly; write it as it should be said, like \"d a dot l a county dot gov slash victims\""));
        }
        Matcher joined = JOINED_DIGITS.matcher(text);
        if (joined.find()) {
            problems.add(CatalogProblem.wording(file, key, "joins digits with a dash (\"" + around(text, joined.start())
                    + "\"), which voices read as a subtraction; write the digits one by one, like \"1 2, 5 1 4\""));
        }
    }

    /**
     * The text with what a phone call cannot carry made harmless: control characters (Word's Shift+Enter is a
     * vertical tab) become spaces, other characters XML 1.0 forbids are dropped. For text typed into a form or
     * imported, before it is stored.
     */
    public static String cleaned(String text) {
        if (text == null || firstUnspeakable(text) < 0) {
            return text;
        }
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n' || c == '\t' || c == '\r') {
                clean.appendCodePoint(c);
            } else if (Character.getType(c) == Character.CONTROL || c == 0x2028 || c == 0x2029) {
                clean.append(' ');
            } else if (xmlAllowed(c)) {
                clean.appendCodePoint(c);
            }
        });
        return clean.toString();
    }

    /** Where the first character is that TwiML cannot carry or a voice cannot say, or -1. */
    static int firstUnspeakable(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean allowedControl = c == '\n' || c == '\t' || c == '\r';
            if (!allowedControl && (Character.getType(c) == Character.CONTROL || !xmlAllowed(c) || c == 0x2028 || c == 0x2029)) {
                return i;
            }
            i += Character.charCount(c);
        }
        return -1;
    }

    /** XML 1.0's Char production. */
    private static boolean xmlAllowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    private static String describe(int c) {
        String code = String.format("U+%04X", c);
        return c == 0x0B ? "a line break from a word processor (" + code + ")" : "an invisible control character (" + code + ")";
    }

    /** The word (whatever stands between spaces) that holds position {@code at}, without trailing punctuation. */
    private static String around(String text, int at) {
        int start = at;
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        int end = at;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return text.substring(start, end).replaceAll("[.,;:!?]+$", "");
    }
}
