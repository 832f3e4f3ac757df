package hotline.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The file format of content: {@code languages.yaml}, {@code lines.yaml} and one {@code <language>.yaml} per
 * language, as in {@code prompts/}, in an export, or in an import. Parsing turns YAML mistakes into problems that
 * name the file and the line; rendering writes files that parse back to the same content.
 */
public final class PromptFiles {
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    private static final Map<String, String> HEADERS = Map.of(
            CatalogSource.LANGUAGES_FILE, "# The language menu, in the order callers hear it. See the hotline's README.\n",
            CatalogSource.LINES_FILE, "# The resource lines callers can be transferred to, in directory order. See the hotline's README.\n");

    /** The section of a language file that lists its recordings. */
    static final String RECORDINGS = "recordings";

    private PromptFiles() {
    }

    /** Parses files by name ({@code lines.yaml} to its text); every YAML mistake becomes a problem. */
    public static CatalogSource parse(Map<String, String> files) {
        List<CatalogProblem> problems = new ArrayList<>();
        Map<String, String> contents = new TreeMap<>();
        files.forEach((name, text) -> {
            if (name.endsWith(".yaml")) {
                // Text pasted from a word processor may carry control characters (Shift+Enter is a vertical tab),
                // which YAML refuses and TwiML cannot carry: they become spaces before anything else reads the file.
                contents.put(name, TextRules.cleaned(text));
            } else {
                problems.add(new CatalogProblem(name, "", "not a prompt file; prompt files end in .yaml"));
            }
        });
        CatalogSource.LanguagesFile languages = parse(contents, CatalogSource.LANGUAGES_FILE, CatalogSource.LanguagesFile.class, problems);
        CatalogSource.LinesFile lines = parse(contents, CatalogSource.LINES_FILE, CatalogSource.LinesFile.class, problems);
        Map<String, Map<String, Object>> prompts = new LinkedHashMap<>();
        Map<String, Map<String, CatalogSource.RecordingEntry>> recordings = new LinkedHashMap<>();
        for (String name : contents.keySet()) {
            if (!name.equals(CatalogSource.LANGUAGES_FILE) && !name.equals(CatalogSource.LINES_FILE)) {
                String language = name.substring(0, name.length() - ".yaml".length());
                Map<?, ?> tree = parse(contents, name, Map.class, problems);
                Map<Object, Object> texts = tree == null ? new LinkedHashMap<>() : new LinkedHashMap<>(tree);
                Object recorded = texts.remove(RECORDINGS);
                if (recorded != null) {
                    recordings(name, recorded, problems).ifPresent(r -> recordings.put(language, r));
                }
                prompts.put(language, flatten(texts));
            }
        }
        if (!problems.isEmpty()) {
            throw new CatalogException(problems);
        }
        return new CatalogSource(fingerprint(contents), languages, lines, prompts, recordings);
    }

    /** The content as files, each with a short header, in the order an editor expects to read them. */
    public static Map<String, String> render(CatalogSource source) {
        Map<String, String> files = new LinkedHashMap<>();
        try {
            files.put(CatalogSource.LANGUAGES_FILE, HEADERS.get(CatalogSource.LANGUAGES_FILE) + YAML.writeValueAsString(source.languages()));
            files.put(CatalogSource.LINES_FILE, HEADERS.get(CatalogSource.LINES_FILE) + YAML.writeValueAsString(source.lines()));
            for (Map.Entry<String, Map<String, Object>> language : source.prompts().entrySet()) {
                Map<String, Object> tree = nest(language.getValue());
                Map<String, CatalogSource.RecordingEntry> recorded = source.recordings().getOrDefault(language.getKey(), Map.of());
                if (!recorded.isEmpty()) {
                    tree.put(RECORDINGS, recorded);
                }
                files.put(CatalogSource.promptFile(language.getKey()), "# What callers hear in " + language.getKey()
                        + ". Every language file has the same keys.\n" + YAML.writeValueAsString(tree));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("content always renders as YAML", e);
        }
        return files;
    }

    /** The recordings section of a language file: slot to audio file and what it says. */
    private static java.util.Optional<Map<String, CatalogSource.RecordingEntry>> recordings(String file, Object section,
                                                                                         List<CatalogProblem> problems) {
        try {
            return java.util.Optional.of(YAML.convertValue(section,
                    new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, CatalogSource.RecordingEntry>>() { }));
        } catch (IllegalArgumentException e) {
            problems.add(new CatalogProblem(file, RECORDINGS, "each recording needs a file and a transcript: "
                    + e.getMessage().replaceAll(" \\(class [^)]*\\)", "").lines().findFirst().orElse("")));
            return java.util.Optional.empty();
        }
    }

    private static <T> T parse(Map<String, String> contents, String file, Class<T> type, List<CatalogProblem> problems) {
        String text = contents.get(file);
        if (text == null) {
            problems.add(new CatalogProblem(file, "", "missing from the prompt files"));
            return null;
        }
        try {
            T value = YAML.readValue(text, type);
            if (value == null) {
                problems.add(new CatalogProblem(file, "", "is empty"));
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            problems.add(new CatalogProblem(file, path(e), "unknown field; the fields here are "
                    + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "))));
        } catch (JsonMappingException e) {
            problems.add(new CatalogProblem(file, path(e), e.getOriginalMessage().replaceAll(" \\(class [^)]*\\)", "")));
        } catch (JsonProcessingException e) {
            problems.add(new CatalogProblem(file, "", YamlMistakes.explain(e, text)));
        }
        return null;
    }

    /** Nested YAML maps become dotted paths, so {@code main_menu: {safety: ...}} is {@code main_menu.safety}. */
    static Map<String, Object> flatten(Map<?, ?> tree) {
        Map<String, Object> flat = new LinkedHashMap<>();
        flattenInto("", tree, flat);
        return flat;
    }

    private static void flattenInto(String prefix, Map<?, ?> tree, Map<String, Object> flat) {
        for (Map.Entry<?, ?> entry : tree.entrySet()) {
            String path = prefix + entry.getKey();
            if (entry.getValue() instanceof Map<?, ?> child) {
                flattenInto(path + ".", child, flat);
            } else {
                flat.put(path, entry.getValue());
            }
        }
    }

    /** Dotted paths back to nested maps, known keys first in their usual order, unknown ones after. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> nest(Map<String, Object> flat) {
        Map<String, Object> tree = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        for (PromptKey key : PromptKey.values()) {
            if (flat.containsKey(key.path())) {
                order.add(key.path());
            }
        }
        flat.keySet().stream().filter(path -> !order.contains(path)).forEach(order::add);
        for (String path : order) {
            String[] parts = path.split("\\.");
            Map<String, Object> node = tree;
            for (int i = 0; i < parts.length - 1; i++) {
                Object child = node.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
                if (!(child instanceof Map)) {
                    child = new LinkedHashMap<String, Object>();
                    node.put(parts[i], child);
                }
                node = (Map<String, Object>) child;
            }
            node.put(parts[parts.length - 1], flat.get(path));
        }
        return tree;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }

    /** A short name for content, the same for the same files: shown on /healthz for content read from files. */
    static String fingerprint(Map<String, String> contents) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            contents.forEach((name, text) -> {
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update(text.getBytes(StandardCharsets.UTF_8));
            });
            return "files-" + HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
