package hotline.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads a directory of prompt files, such as {@code prompts/}: the seed of the first published version. */
public final class PromptDirectory {
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
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(dir)) {
            for (Path file : paths.filter(f -> f.getFileName().toString().endsWith(".yaml")).toList()) {
                files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new CatalogException(List.of(new CatalogProblem(dir.toString(), "", "cannot be read: " + e.getMessage())));
        }
        return PromptFiles.parse(files);
    }
}
