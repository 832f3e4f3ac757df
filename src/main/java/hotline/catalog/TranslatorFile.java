package hotline.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Map;

/**
 * One language's prompt file for a translator: every text of the language, each with the default language's text
 * above it as a comment, so the two are read side by side in any editor. It imports like any language file.
 */
public final class TranslatorFile {
    /** Double-quoted scalars are valid YAML and survive any text: quotes, colons, a leading brace. */
    private static final ObjectMapper QUOTED = new ObjectMapper();

    private TranslatorFile() {
    }

    public static String render(CatalogSource source, String language) {
        String reference = source.languages().defaultLanguage();
        Map<String, Object> texts = source.prompts().getOrDefault(language, Map.of());
        Map<String, Object> referenceTexts = source.prompts().getOrDefault(reference, Map.of());
        StringBuilder out = new StringBuilder()
                .append("# What callers hear in ").append(language).append(", for a translator. Above each text, as a comment,\n")
                .append("# is the ").append(reference).append(" text it translates. Keep every key, and every {placeholder} as it is.\n")
                .append("# Write figures as digits, the same as in ").append(reference).append(", and texts to be heard, not read.\n")
                .append("# Import this file alone on the Files page: it replaces this language's texts in the draft.\n");
        String section = "";
        for (PromptKey key : PromptKey.values()) {
            String[] parts = key.path().split("\\.", 2);
            if (!parts[0].equals(section)) {
                section = parts[0];
                out.append('\n').append(section).append(":\n");
            }
            Object value = texts.get(key.path());
            Object original = referenceTexts.get(key.path());
            if (key.kind() == PromptKey.Kind.SEGMENTS) {
                out.append("  ").append(parts[1]).append(":\n");
                List<?> originals = original instanceof List<?> list ? list : List.of();
                // A topic not yet translated gets one empty item for each item of the reference, ready to fill in.
                List<?> segments = value instanceof List<?> list ? list
                        : java.util.Collections.nCopies(Math.max(1, originals.size()), "");
                for (int i = 0; i < segments.size(); i++) {
                    comment(out, "    ", reference, i < originals.size() ? originals.get(i) : null);
                    out.append("    - ").append(quoted(segments.get(i))).append('\n');
                }
            } else {
                comment(out, "  ", reference, original);
                out.append("  ").append(parts[1]).append(": ").append(quoted(value == null ? "" : value)).append('\n');
            }
        }
        return out.toString();
    }

    private static void comment(StringBuilder out, String indent, String reference, Object original) {
        if (original != null) {
            out.append(indent).append("# ").append(reference).append(": ").append(String.valueOf(original).replaceAll("\\R", " ")).append('\n');
        }
    }

    private static String quoted(Object value) {
        try {
            return QUOTED.writeValueAsString(String.valueOf(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a text always converts to a quoted string", e);
        }
    }
}
