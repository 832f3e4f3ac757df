package hotline.simulator;

/**
 * What a caller does at a menu: presses keys, says something, or does nothing until the menu times out.
 * Twilio reports keys as {@code Digits} and words as {@code SpeechResult}.
 */
public record MenuAnswer(String keys, String words) {
    public static MenuAnswer press(String keys) {
        return new MenuAnswer(keys, "");
    }

    public static MenuAnswer say(String words) {
        return new MenuAnswer("", words);
    }

    public static MenuAnswer nothing() {
        return new MenuAnswer("", "");
    }

    public boolean isSpeech() {
        return !words.isEmpty();
    }

    public boolean isNothing() {
        return keys.isEmpty() && words.isEmpty();
    }
}
