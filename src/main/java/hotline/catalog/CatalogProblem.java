package hotline.catalog;

/**
 * One thing wrong with prompt content, named so that a person can find it: the file, the key, and what to do.
 *
 * @param wording a rule of how texts must be written to be heard well (see {@link TextRules}); content published
 *                before a release added such a rule is still served at start-up, with the problem logged
 */
public record CatalogProblem(String file, String key, String message, boolean wording) {
    public CatalogProblem(String file, String key, String message) {
        this(file, key, message, false);
    }

    static CatalogProblem wording(String file, String key, String message) {
        return new CatalogProblem(file, key, message, true);
    }

    @Override
    public String toString() {
        return key.isEmpty() ? file + ": " + message : file + ": " + key + ": " + message;
    }

    /** Whether every problem added after the first {@code before} is one of wording: the thing checked can still be built. */
    static boolean onlyWordingSince(java.util.List<CatalogProblem> problems, int before) {
        return problems.subList(before, problems.size()).stream().allMatch(CatalogProblem::wording);
    }
}
