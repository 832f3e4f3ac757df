package hotline.catalog;

import java.util.Optional;

/**
 * A language callers can choose: the key that picks it in the language menu, and how Twilio speaks and hears it.
 *
 * @param code            our name for it, also the name of its prompt file ({@code es-US} reads {@code es-US.yaml})
 * @param key             the digit that chooses it in the language menu
 * @param twilioLanguage  the {@code language} attribute of {@code <Say>}, such as {@code cmn-CN}; absent for a
 *                        language Twilio cannot speak, heard from recordings only
 * @param voice           the {@code voice} attribute of {@code <Say>}, such as {@code Polly.Zhiyu-Neural}
 * @param speechLanguage  the {@code language} of {@code <Gather input="speech">} in the main menu, such as {@code cmn-Hans-CN}
 * @param name            its name in English, such as {@code Cantonese}
 */
public record Language(String code, String key, Optional<String> twilioLanguage, Optional<String> voice,
                       Optional<String> speechLanguage, String name) {

    /** A language with a text-to-speech voice, without speech recognition: handy in tests. */
    public static Language speaking(String code, String key, String twilioLanguage, String voice) {
        return new Language(code, key, Optional.of(twilioLanguage), Optional.of(voice), Optional.empty(),
                LanguageNames.english(code, null));
    }

    public boolean hasVoice() {
        return voice.isPresent();
    }
}
