package hotline.catalog;

import java.util.List;
import java.util.Map;

/** All texts of one language, checked complete by {@link CatalogValidator}, each as a template of pieces. */
public record Prompts(String language, Map<PromptKey, List<Template>> templates) {
    public Prompts {
        templates = Map.copyOf(templates);
    }

    public Template template(PromptKey key) {
        return templates.get(key).get(0);
    }

    /** The segments of a topic (or the one template of a text). */
    public List<Template> segments(PromptKey key) {
        return templates.get(key);
    }

    /** The text as written, with its placeholders, for pages and tests. */
    public String text(PromptKey key) {
        return template(key).source();
    }
}
