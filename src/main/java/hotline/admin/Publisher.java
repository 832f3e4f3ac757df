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

    /**
     * What happened: the new version, or the problems that stopped it, or the edit that did.
     *
     * @param changedMeanwhile the draft as someone saved it while this publish was under way: then nothing was
     *                         published, so that their edit is not overwritten
     */
    public record Result(Optional<Long> version, List<CatalogProblem> problems, Optional<ContentStore.Draft> changedMeanwhile) {
        public boolean published() {
            return version.isPresent();
        }

        static Result refused(List<CatalogProblem> problems) {
            return new Result(Optional.empty(), problems, Optional.empty());
        }
    }

    public Publisher(ContentStore store, PublishedCatalog published, AuditLog audit, RecordingStore recordings) {
        this.store = store;
        this.published = published;
        this.audit = audit;
        this.recordings = recordings;
    }

    public synchronized Result publishDraft(String by, String note) {
        ContentStore.Draft draft = store.draft();
        return publish(draft.content(), draft.revision(), by, note.isBlank() ? "(no note)" : note.strip(), Optional.empty(),
                "publish");
    }

    /** Publishes an earlier version again; like a publish, it becomes the draft, unless the draft changes meanwhile. */
    public synchronized Result rollback(long versionId, String by, String note) {
        String draftRead = store.draft().revision();
        CatalogSource earlier = store.content(versionId)
                .orElseThrow(() -> new IllegalArgumentException("there is no version " + versionId));
        String why = "Rollback to v" + versionId + (note.isBlank() ? "" : ": " + note.strip());
        return publish(earlier, draftRead, by, why, Optional.of(versionId), "rollback");
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

    /** @param draftRead the draft's revision when this began: if it changed by the time the content is stored, nothing is */
    private Result publish(CatalogSource content, String draftRead, String by, String note, Optional<Long> restores,
                           String action) {
        CatalogCheck check = CatalogValidator.check(content);
        if (!check.ok()) {
            return Result.refused(check.errors());
        }
        List<CatalogProblem> missingFiles = missingRecordingFiles(check.catalog().orElseThrow());
        if (!missingFiles.isEmpty()) {
            return Result.refused(missingFiles);
        }
        long version;
        try {
            version = store.publish(content, by, note, restores, Optional.of(draftRead));
        } catch (ContentStore.DraftChangedException edited) {
            return new Result(Optional.empty(), List.of(), Optional.of(edited.draft()));
        }
        published.publish(check.catalog().orElseThrow().withVersion("v" + version));
        audit.record(by, action, "v" + version + ": " + note);
        return new Result(Optional.of(version), List.of(), Optional.empty());
    }
}
