package hotline.voice;

import hotline.catalog.Catalog;
import hotline.catalog.Language;
import hotline.catalog.PromptKey;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Listening for words as well as keys in the main menu, for callers who cannot look at a keypad: the language
 * Twilio listens in (the caller's), the words it should expect, and what a recognized phrase means. The language
 * menu takes keys only: one {@code <Gather>} recognizes one language, so a language's name said in its own
 * language could not be heard while Twilio listens in another.
 */
record Listening(String language, List<String> hints) {

    /** In the main menu, in the caller's language, for the words of each option. */
    static Optional<Listening> forMainMenu(Turn turn) {
        List<String> hints = new ArrayList<>();
        for (MenuOption option : Menus.mainMenu()) {
            option.heard().ifPresent(key -> hints.addAll(words(turn.catalog(), turn.language(), key)));
        }
        return turn.language().speechLanguage().map(language -> new Listening(language, hints));
    }

    /** The main-menu key whose words the caller said, if any. */
    static Optional<String> mainMenuKey(Catalog catalog, Language language, String said) {
        for (MenuOption option : Menus.mainMenu()) {
            if (option.heard().isPresent()
                    && words(catalog, language, option.heard().get()).stream().anyMatch(word -> heard(said, word))) {
                return Optional.of(option.key());
            }
        }
        return Optional.empty();
    }

    private static List<String> words(Catalog catalog, Language language, PromptKey key) {
        return Arrays.stream(catalog.prompts(language).text(key).split("[,，、]")).map(String::strip)
                .filter(w -> !w.isEmpty()).toList();
    }

    /** Scripts in which a phrase is found anywhere: Chinese has no spaces; Korean attaches particles to words. */
    private static final Set<Character.UnicodeScript> FOUND_ANYWHERE = Set.of(Character.UnicodeScript.HAN,
            Character.UnicodeScript.HANGUL, Character.UnicodeScript.HIRAGANA, Character.UnicodeScript.KATAKANA,
            Character.UnicodeScript.THAI);

    /**
     * Whether {@code said} contains {@code phrase}: as whole words in scripts that separate words with spaces
     * ("one" is not heard in "someone"), anywhere in those that do not ("상담원" is heard in "상담원과").
     */
    static boolean heard(String said, String phrase) {
        String words = normalized(said);
        String wanted = normalized(phrase);
        if (wanted.isEmpty()) {
            return false;
        }
        boolean anywhere = wanted.codePoints().anyMatch(c -> FOUND_ANYWHERE.contains(Character.UnicodeScript.of(c)));
        return anywhere ? words.contains(wanted) : (" " + words + " ").contains(" " + wanted + " ");
    }

    /** Lower case, without accents or punctuation, so that "Español." matches "espanol"; Hangul syllables stay whole. */
    static String normalized(String text) {
        String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        plain = Normalizer.normalize(plain, Normalizer.Form.NFC);
        return plain.toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}\\s]+", " ").strip();
    }
}
