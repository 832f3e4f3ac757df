package hotline.catalog;

import java.util.List;
import java.util.Map;

/** All texts of one language, checked complete by {@link CatalogValidator}, with line references already filled in. */
public record Prompts(String language, Map<PromptKey, List<String>> texts) {
    public Prompts {
        texts = Map.copyOf(texts);
    }

    public String text(PromptKey key) {
        return texts.get(key).get(0);
    }

    public List<String> segments(PromptKey key) {
        return texts.get(key);
    }

    /** The text of {@code key} with each {@code {placeholder}} replaced by its value. */
    public String render(PromptKey key, Map<String, String> values) {
        String text = text(key);
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{" + value.getKey() + "}", value.getValue());
        }
        return text;
    }
}
