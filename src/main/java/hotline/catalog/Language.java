package hotline.catalog;

/**
 * A language callers can choose: the key that picks it in the language menu, and how Twilio speaks it.
 *
 * @param code            our name for it, also the name of its prompt file ({@code es-US} reads {@code es-US.yaml})
 * @param key             the digit that chooses it in the language menu
 * @param twilioLanguage  the {@code language} attribute of {@code <Say>}, such as {@code cmn-CN}
 * @param voice           the {@code voice} attribute of {@code <Say>}, such as {@code Polly.Zhiyu-Neural}
 */
public record Language(String code, String key, String twilioLanguage, String voice) {
}
