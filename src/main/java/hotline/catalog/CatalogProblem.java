package hotline.catalog;

/** One thing wrong with prompt content, named so that a person can find it: the file, the key, and what to do. */
public record CatalogProblem(String file, String key, String message) {
    @Override
    public String toString() {
        return key.isEmpty() ? file + ": " + message : file + ": " + key + ": " + message;
    }
}
