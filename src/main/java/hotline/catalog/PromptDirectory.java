package hotline.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the human-editable files under {@code prompts/}: {@code languages.yaml}, {@code lines.yaml} and one
 * {@code <language>.yaml} per language. Turns YAML mistakes into problems that name the file, line and column.
 */
public final class PromptDirectory {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private PromptDirectory() {
    }

    /** Reads and validates the directory: the catalog callers will hear, or every problem found. */
    public static Catalog load(Path dir) {
        return CatalogValidator.validate(read(dir));
    }

    public static CatalogSource read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new CatalogException(List.of(new CatalogProblem(dir.toString(), "", "not a directory of prompt files")));
        }
        List<CatalogProblem> problems = new ArrayList<>();
        Map<String, String> contents = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yaml")).toList()) {
                contents.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new CatalogException(List.of(new CatalogProblem(dir.toString(), "", "cannot be read: " + e.getMessage())));
        }
        CatalogSource.LanguagesFile languages = parse(contents, CatalogSource.LANGUAGES_FILE, CatalogSource.LanguagesFile.class, problems);
        CatalogSource.LinesFile lines = parse(contents, CatalogSource.LINES_FILE, CatalogSource.LinesFile.class, problems);
        Map<String, Map<String, Object>> prompts = new LinkedHashMap<>();
        for (String name : contents.keySet()) {
            if (!name.equals(CatalogSource.LANGUAGES_FILE) && !name.equals(CatalogSource.LINES_FILE)) {
                Map<?, ?> tree = parse(contents, name, Map.class, problems);
                prompts.put(name.substring(0, name.length() - ".yaml".length()), tree == null ? Map.of() : flatten(tree));
            }
        }
        if (!problems.isEmpty()) {
            throw new CatalogException(problems);
        }
        return new CatalogSource(fingerprint(contents), languages, lines, prompts);
    }

    private static <T> T parse(Map<String, String> contents, String file, Class<T> type, List<CatalogProblem> problems) {
        String text = contents.get(file);
        if (text == null) {
            problems.add(new CatalogProblem(file, "", "missing from the prompts directory"));
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
            problems.add(new CatalogProblem(file, "", "not valid YAML: " + e.getOriginalMessage() + location(e)));
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

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static String fingerprint(Map<String, String> contents) {
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
