package hotline.catalog;

import java.util.List;
import java.util.Optional;

/**
 * What the validator found in some content: the catalog callers would hear, unless there are errors; and
 * warnings, which do not stop a publish (problems in a language that is not offered yet, say).
 */
public record CatalogCheck(Optional<Catalog> catalog, List<CatalogProblem> errors, List<CatalogProblem> warnings) {
    public CatalogCheck {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
