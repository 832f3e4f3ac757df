package hotline.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks one language's prompt file: every key present, no unknown key, the placeholders each text needs,
 * and references to lines ({@code {number:nhtrc}}, {@code {name:nhtrc}}) that exist, so a number is typed
 * once, in {@code lines.yaml}, and every language speaks it the same. Each text becomes a {@link Template}.
 */
final class PromptValidator {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern LINE_REFERENCE = Pattern.compile("(number|name):([a-z0-9_]+)");

    private PromptValidator() {
    }

    static Prompts validate(String language, Map<String, Object> texts, List<ResourceLine> lines,
                            List<CatalogProblem> problems) {
        String file = CatalogSource.promptFile(language);
        for (String path : texts.keySet()) {
            if (PromptKey.forPath(path).isEmpty()) {
                problems.add(new CatalogProblem(file, path, "unknown key; check its spelling against en-US.yaml"));
            }
        }
        Map<PromptKey, List<Template>> templates = new EnumMap<>(PromptKey.class);
        for (PromptKey key : PromptKey.values()) {
            Object value = texts.get(key.path());
            List<String> segments = segments(key, value, file, problems);
            List<Template> parsed = new ArrayList<>();
            for (int i = 0; i < segments.size(); i++) {
                String where = segments.size() > 1 || key.kind() == PromptKey.Kind.SEGMENTS ? key.path() + "[" + i + "]" : key.path();
                Template template = template(segments.get(i), key, lines, file, where, problems);
                if (key.kind() != PromptKey.Kind.HEARD) {
                    TextRules.check(segments.get(i), file, where, problems);
                    checkLength(template, language, lines, file, where, problems);
                }
                parsed.add(template);
            }
            if (!parsed.isEmpty()) {
                templates.put(key, parsed);
            }
        }
        return new Prompts(language, templates);
    }

    private static List<String> segments(PromptKey key, Object value, String file, List<CatalogProblem> problems) {
        if (value == null) {
            problems.add(new CatalogProblem(file, key.path(), "missing"));
            return List.of();
        }
        if (key.kind() != PromptKey.Kind.SEGMENTS) {
            if (value instanceof String text && !text.isBlank()) {
                return List.of(text.strip());
            }
            problems.add(new CatalogProblem(file, key.path(), "must be one text, not empty"));
            return List.of();
        }
        if (value instanceof List<?> list && !list.isEmpty()
                && list.stream().allMatch(item -> item instanceof String s && !s.isBlank())) {
            return list.stream().map(item -> ((String) item).strip()).toList();
        }
        problems.add(new CatalogProblem(file, key.path(), "must be a list of short texts, spoken one after another"));
        return List.of();
    }

    private static Template template(String text, PromptKey key, List<ResourceLine> lines, String file, String where,
                                     List<CatalogProblem> problems) {
        List<String> remaining = new ArrayList<>(key.requiredPlaceholders());
        List<Piece> pieces = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        int end = 0;
        while (m.find()) {
            if (m.start() > end) {
                pieces.add(new Piece.Words(text.substring(end, m.start())));
            }
            end = m.end();
            String placeholder = m.group();
            Matcher reference = LINE_REFERENCE.matcher(m.group(1));
            if (reference.matches()) {
                String id = reference.group(2);
                if (lines.stream().noneMatch(l -> l.id().equals(id))) {
                    problems.add(new CatalogProblem(file, where, placeholder + " names no line in " + CatalogSource.LINES_FILE));
                    pieces.add(new Piece.Words(placeholder));
                } else {
                    pieces.add(reference.group(1).equals("number")
                            ? new Piece.Number(Optional.of(id)) : new Piece.Name(Optional.of(id)));
                }
            } else if (!key.requiredPlaceholders().contains(placeholder)) {
                problems.add(new CatalogProblem(file, where, placeholder + " is not a placeholder this text can use"
                        + allowed(key)));
                pieces.add(new Piece.Words(placeholder));
            } else {
                pieces.add(switch (placeholder) {
                    case "{key}" -> new Piece.Key();
                    case "{name}" -> new Piece.Name(Optional.empty());
                    default -> new Piece.Number(Optional.empty());
                });
            }
            if (!remaining.remove(placeholder) && key.requiredPlaceholders().contains(placeholder)) {
                problems.add(new CatalogProblem(file, where, placeholder + " appears more often than this text needs ("
                        + key.requiredPlaceholders().stream().filter(placeholder::equals).count() + ")"));
            }
        }
        if (end < text.length()) {
            pieces.add(new Piece.Words(text.substring(end)));
        }
        if (!remaining.isEmpty()) {
            problems.add(new CatalogProblem(file, where, missing(remaining, key)));
        }
        return new Template(pieces);
    }

    /** What is missing and what the caller would not hear without it: not the hint again ("must contain {key}"). */
    private static String missing(List<String> remaining, PromptKey key) {
        boolean numberTwice = key.requiredPlaceholders().stream().filter("{number}"::equals).count() > 1;
        List<String> lost = new ArrayList<>();
        for (String placeholder : new java.util.LinkedHashSet<>(remaining)) {
            lost.add(switch (placeholder) {
                case "{key}" -> "which key to press";
                case "{name}" -> "which line it is";
                default -> numberTwice ? "the number twice, to write it down" : "the number";
            });
        }
        return String.join(" and ", remaining) + (remaining.size() == 1 ? " is" : " are") + " missing here: the caller"
                + " would not hear " + String.join(", nor ", lost);
    }

    /** A text heard in one go must be short enough to take in: the caller cannot read it again. */
    private static void checkLength(Template template, String language, List<ResourceLine> lines, String file,
                                    String where, List<CatalogProblem> problems) {
        double seconds = SpeechTime.seconds(heard(template, language, lines), language);
        if (seconds > SpeechTime.LONGEST_SEGMENT_SECONDS) {
            problems.add(CatalogProblem.wording(file, where, "takes about " + Math.round(seconds) + " seconds to hear; "
                    + "keep each text under " + Math.round(SpeechTime.LONGEST_SEGMENT_SECONDS)
                    + " seconds (split a topic into more items)"));
        }
    }

    /** The text as a caller would hear it, placeholders filled: numbers digit by digit, the longest line name. */
    private static String heard(Template template, String language, List<ResourceLine> lines) {
        StringBuilder text = new StringBuilder();
        for (Piece piece : template.pieces()) {
            if (piece instanceof Piece.Words words) {
                text.append(words.text());
            } else if (piece instanceof Piece.Key) {
                text.append(" 1 ");
            } else if (piece instanceof Piece.Name name) {
                text.append(' ').append(lines.stream().filter(l -> name.line().map(l.id()::equals).orElse(true))
                        .map(l -> l.name(language)).filter(n -> n != null)
                        .max(Comparator.comparingInt(String::length)).orElse("")).append(' ');
            } else {
                Piece.Number number = (Piece.Number) piece;
                text.append(' ').append(lines.stream().filter(l -> number.line().map(l.id()::equals).orElse(true))
                        .map(l -> l.number().spokenDigits()).max(Comparator.comparingInt(String::length))
                        .orElse("")).append(' ');
            }
        }
        return text.toString();
    }

    private static String allowed(PromptKey key) {
        return key.requiredPlaceholders().isEmpty()
                ? "; only {number:LINE_ID} and {name:LINE_ID} are allowed here"
                : "; use " + String.join(", ", key.requiredPlaceholders().stream().distinct().toList())
                  + ", {number:LINE_ID} or {name:LINE_ID}";
    }
}
