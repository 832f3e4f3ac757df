package hotline.catalog;

/**
 * About how long a text takes to hear, at usual text-to-speech rates: by its characters in Chinese and Korean
 * (a syllable each), by its words elsewhere (a syllable each in Vietnamese). An estimate to keep what callers hear
 * short, not a measurement.
 */
public final class SpeechTime {
    static final double SECONDS_PER_WORD = 0.4;
    static final double SECONDS_PER_SYLLABLE_CHARACTER = 0.24;
    /** Vietnamese writes each syllable as a word, and voices say them quickly. */
    static final double SECONDS_PER_VIETNAMESE_WORD = 0.27;
    /** A segment longer than this is hard to take in on a phone; split it. */
    public static final double LONGEST_SEGMENT_SECONDS = 25;

    private SpeechTime() {
    }

    /** @param language a language code such as {@code vi-VN}, or null when not known */
    public static double seconds(String text, String language) {
        long syllableCharacters = text.codePoints().filter(SpeechTime::isSyllableCharacter).count();
        String rest = text.codePoints().filter(c -> !isSyllableCharacter(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        long words = rest.isBlank() ? 0 : rest.strip().split("[\\s,.;:!?，。、]+").length;
        double perWord = language != null && language.startsWith("vi") ? SECONDS_PER_VIETNAMESE_WORD : SECONDS_PER_WORD;
        return syllableCharacters * SECONDS_PER_SYLLABLE_CHARACTER + words * perWord;
    }

    private static boolean isSyllableCharacter(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA;
    }
}
