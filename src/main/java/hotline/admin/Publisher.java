package hotline.admin;

import hotline.audit.AuditLog;
import hotline.catalog.CatalogCheck;
import hotline.catalog.CatalogProblem;
import hotline.catalog.CatalogSource;
import hotline.catalog.CatalogValidator;
import hotline.catalog.PublishedCatalog;
import hotline.recordings.RecordingStore;

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
    private final RecordingStore recordings;

    /** What happened: the new version, or the problems that stopped it. */
    public record Result(Optional<Long> version, List<CatalogProblem> problems) {
        public boolean published() {
            return version.isPresent();
        }
    }

    public Publisher(ContentStore store, PublishedCatalog published, AuditLog audit, RecordingStore recordings) {
        this.store = store;
        this.published = published;
        this.audit = audit;
        this.recordings = recordings;
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

    /** Recordings the content names but this hotline does not keep (from an import from elsewhere, say). */
    private List<CatalogProblem> missingRecordingFiles(hotline.catalog.Catalog catalog) {
        List<CatalogProblem> missing = new java.util.ArrayList<>();
        catalog.recordings().forEach((language, slots) -> slots.forEach((slot, file) -> {
            if (!recordings.has(file)) {
                missing.add(new CatalogProblem(CatalogSource.promptFile(language), "recordings." + slot,
                        "the recording " + file + " is not kept by this hotline; upload it again"));
            }
        }));
        return missing;
    }

    private Result publish(CatalogSource content, String by, String note, Optional<Long> restores, String action) {
        CatalogCheck check = CatalogValidator.check(content);
        if (!check.ok()) {
            return new Result(Optional.empty(), check.errors());
        }
        List<CatalogProblem> missingFiles = missingRecordingFiles(check.catalog().orElseThrow());
        if (!missingFiles.isEmpty()) {
            return new Result(Optional.empty(), missingFiles);
        }
        long version = store.publish(content, by, note, restores);
        published.publish(check.catalog().orElseThrow().withVersion("v" + version));
        audit.record(by, action, "v" + version + ": " + note);
        return new Result(Optional.of(version), List.of());
    }
}
