package hotline.voice;

import hotline.catalog.PromptKey;

import hotline.catalog.ResourceLine;

import java.util.Optional;

/**
 * One key in a menu: what is said to offer it, and what pressing it does.
 *
 * @param line  the line the prompt names with {@code {name}}, if it names one
 * @param heard the words a caller may say instead of pressing the key, in the main menu
 */
record MenuOption(String key, PromptKey prompt, Optional<ResourceLine> line, Choice choice, Optional<PromptKey> heard) {

    /** How the metrics name this choice: the line chosen, or the option's own name ({@code facts}, {@code next_page}). */
    String metricName() {
        if (choice instanceof ChooseLine line) {
            return line.lineId();
        }
        return prompt.path().substring(prompt.path().indexOf('.') + 1);
    }

    /** What a key press leads to. */
    sealed interface Choice {
    }

    record PlayTopic(Topic topic) implements Choice {
    }

    record OpenMenu(Menu menu, int page) implements Choice {
    }

    /** A line from the directory: transferred to if open, otherwise announced as closed. */
    record ChooseLine(String lineId) implements Choice {
    }

    /** "Speak with someone now": the first open line of the catalog's speak-now order. */
    record SpeakNow() implements Choice {
    }

    /** Straight to a line that is known to be open (the alternative to a closed one). */
    record Transfer(String lineId) implements Choice {
    }
}
