package hotline.voice;

import java.util.Optional;

/**
 * Where a call is, as carried in the URL of its next webhook (so any server, even after a restart, can answer).
 * Twilio signs those URLs, so a caller cannot forge them.
 */
public sealed interface CallStep {

    /** The language menu, heard {@code tries + 1} times so far. */
    record LanguageMenu(int tries) implements CallStep {
    }

    /**
     * A menu in a chosen language.
     *
     * @param topic the topic just played before this menu, which "repeat" plays again
     * @param line  for {@link Menu#CLOSED}: the closed line the caller chose
     * @param tries how many times in a row the caller gave no valid choice here
     */
    record MenuStep(String language, Menu menu, int page, Optional<Topic> topic, Optional<String> line, int tries)
            implements CallStep {

        public static MenuStep of(String language, Menu menu) {
            return new MenuStep(language, menu, 0, Optional.empty(), Optional.empty(), 0);
        }

        public MenuStep afterTopic(Topic played) {
            return new MenuStep(language, menu, page, Optional.of(played), line, 0);
        }

        public MenuStep fresh() {
            return new MenuStep(language, menu, page, Optional.empty(), line, 0);
        }

        public MenuStep retried() {
            return new MenuStep(language, menu, page, Optional.empty(), line, tries + 1);
        }

        public MenuStep onPage(int newPage) {
            return new MenuStep(language, menu, newPage, Optional.empty(), line, 0);
        }
    }

    /** A transfer to {@code line} was attempted; Twilio reports its outcome here. */
    record TransferResult(String language, String line) implements CallStep {
    }
}
