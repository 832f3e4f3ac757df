package hotline.voice;

import hotline.catalog.PromptKey;

import java.util.Map;

/**
 * One key in a menu: what is said to offer it, and what pressing it does.
 *
 * @param values placeholder values for the prompt besides {@code {key}}, such as a line's {@code {name}}
 */
record MenuOption(String key, PromptKey prompt, Map<String, String> values, Choice choice) {

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
