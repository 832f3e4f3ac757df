package hotline.admin;

import hotline.audit.AuditLog;
import hotline.catalog.CatalogCheck;
import hotline.catalog.CatalogProblem;
import hotline.catalog.CatalogSource;
import hotline.catalog.CatalogValidator;
import hotline.catalog.PublishedCatalog;

import java.util.List;
import java.util.Optional;

/**
 * Makes content live: the draft (publish) or an earlier version (rollback). Runs the same validation as
 * start-up over the whole content; only content that passes is stored as a new version and swapped in for the
 * very next webhook. Content that fails changes nothing.
 */
public final class Publisher {
    private final ContentStore store;
    private final PublishedCatalog published;
    private final AuditLog audit;

    /** What happened: the new version, or the problems that stopped it. */
    public record Result(Optional<Long> version, List<CatalogProblem> problems) {
        public boolean published() {
            return version.isPresent();
        }
    }

    public Publisher(ContentStore store, PublishedCatalog published, AuditLog audit) {
        this.store = store;
        this.published = published;
        this.audit = audit;
    }

    public synchronized Result publishDraft(String by, String note) {
        return publish(store.draft().content(), by, note.isBlank() ? "(no note)" : note.strip(), Optional.empty(), "publish");
    }

    public synchronized Result rollback(long versionId, String by, String note) {
        CatalogSource earlier = store.content(versionId)
                .orElseThrow(() -> new IllegalArgumentException("there is no version " + versionId));
        String why = "Rollback to v" + versionId + (note.isBlank() ? "" : ": " + note.strip());
        return publish(earlier, by, why, Optional.of(versionId), "rollback");
    }

    private Result publish(CatalogSource content, String by, String note, Optional<Long> restores, String action) {
        CatalogCheck check = CatalogValidator.check(content);
        if (!check.ok()) {
            return new Result(Optional.empty(), check.errors());
        }
        long version = store.publish(content, by, note, restores);
        published.publish(check.catalog().orElseThrow().withVersion("v" + version));
        audit.record(by, action, "v" + version + ": " + note);
        return new Result(Optional.of(version), List.of());
    }
}
