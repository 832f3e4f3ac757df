package hotline.catalog;

import java.util.List;
import java.util.stream.Collectors;

/** Prompt content that must not go live, with every problem found (not just the first). */
public class CatalogException extends RuntimeException {
    private final List<CatalogProblem> problems;

    public CatalogException(List<CatalogProblem> problems) {
        super(problems.size() + " problem(s) in the prompt content:\n" + problems.stream()
                .map(p -> "  - " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<CatalogProblem> problems() {
        return problems;
    }
}
