package hotline.catalog;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber;

import java.util.Optional;

/**
 * A dialable phone number, always valid and always in E.164 form ({@code +18883737888}).
 * Numbers are content: they come from {@code prompts/lines.yaml}, never from code.
 */
public record PhoneNumber(String e164) {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    public PhoneNumber {
        if (!isValidE164(e164)) {
            throw new IllegalArgumentException("not a valid phone number in E.164 form: " + e164);
        }
    }

    /** True when {@code text} is exactly an E.164 number (a plus, then digits) that is a real, assigned range. */
    public static boolean isValidE164(String text) {
        if (text == null || !text.matches("\\+[1-9][0-9]{6,14}")) {
            return false;
        }
        try {
            Phonenumber.PhoneNumber parsed = UTIL.parse(text, null);
            return UTIL.isValidNumber(parsed) && UTIL.format(parsed, PhoneNumberFormat.E164).equals(text);
        } catch (NumberParseException e) {
            return false;
        }
    }

    /**
     * A number as a person types it, such as {@code (213) 257-2076} or {@code +1 213 257 2076}; numbers without a
     * country code are read as {@code region}'s (US for this hotline).
     */
    public static Optional<PhoneNumber> fromTyped(String text, String region) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber parsed = UTIL.parse(text.strip(), region);
            if (!UTIL.isValidNumber(parsed)) {
                return Optional.empty();
            }
            return Optional.of(new PhoneNumber(UTIL.format(parsed, PhoneNumberFormat.E164)));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** How people write it: {@code (888) 373-7888} at home in North America, {@code +52 55 1234 5678} elsewhere. */
    public String formatted() {
        Phonenumber.PhoneNumber parsed = parse();
        PhoneNumberFormat format = parsed.getCountryCode() == 1 ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL;
        return UTIL.format(parsed, format);
    }

    /**
     * The number to be heard: digit by digit, with a pause between groups, as in {@code 8 8 8, 3 7 3, 7 8 8 8}.
     * Text-to-speech in every language reads single digits as digits, never as "eight hundred eighty-eight".
     */
    public String spokenDigits() {
        StringBuilder spoken = new StringBuilder();
        for (String group : formatted().replace("+", "").split("[^0-9]+")) {
            if (group.isEmpty()) {
                continue;
            }
            if (spoken.length() > 0) {
                spoken.append(", ");
            }
            spoken.append(String.join(" ", group.split("")));
        }
        return spoken.toString();
    }

    @Override
    public String toString() {
        return e164;
    }

    private Phonenumber.PhoneNumber parse() {
        try {
            return UTIL.parse(e164, null);
        } catch (NumberParseException e) {
            throw new IllegalStateException("validated number no longer parses: " + e164, e);
        }
    }
}
