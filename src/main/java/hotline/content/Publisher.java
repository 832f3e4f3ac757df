package hotline.content;

import hotline.audit.AuditLog;
import hotline.catalog.Catalog;
import hotline.catalog.CatalogCheck;
import hotline.catalog.CatalogProblem;
import hotline.catalog.CatalogSource;
import hotline.catalog.CatalogValidator;
import hotline.catalog.PublishedCatalog;
import hotline.voice.AnswerRehearsal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Makes content live: the draft (publish) or an earlier version (rollback). Runs the same validation as
 * start-up over the whole content, then builds every answer it can give and reads each as Twilio would; only
 * content that passes both is stored as a new version and swapped in for the very next webhook. Content that fails
 * changes nothing.
 */
public final class Publisher {
    private final ContentStore store;
    private final PublishedCatalog published;
    private final AuditLog audit;
    /** Whether this hotline keeps an audio file, by name: recordings named by content from elsewhere may be missing. */
    private final Predicate<String> recordingKept;
    private final AnswerRehearsal rehearsal;
    private final Clock clock;

    /** What happened: the new version, or the problems that stopped it. */
    public record Result(Optional<Long> version, List<CatalogProblem> problems) {
        public boolean published() {
            return version.isPresent();
        }
    }

    public Publisher(ContentStore store, PublishedCatalog published, AuditLog audit, Predicate<String> recordingKept,
                     AnswerRehearsal rehearsal, Clock clock) {
        this.store = store;
        this.published = published;
        this.audit = audit;
        this.recordingKept = recordingKept;
        this.rehearsal = rehearsal;
        this.clock = clock;
    }

    public synchronized Result publishDraft(String by, String note) {
        CatalogSource draft = store.draft().content();
        return publish(draft, by, note.isBlank() ? "(no note)" : note.strip(), Optional.empty(), "publish", current -> draft);
    }

    public synchronized Result rollback(long versionId, String by, String note) {
        return rollback(versionId, by, note, draft -> store.content(versionId).orElseThrow());
    }

    /**
     * Publishes an earlier version again, as a new version.
     *
     * @param draftAfter what the draft becomes, from the draft as it is: that version, or the draft's own changes on top of it
     */
    public synchronized Result rollback(long versionId, String by, String note, UnaryOperator<CatalogSource> draftAfter) {
        CatalogSource earlier = store.content(versionId)
                .orElseThrow(() -> new IllegalArgumentException("there is no version " + versionId));
        String why = "Rollback to v" + versionId + (note.isBlank() ? "" : ": " + note.strip());
        return publish(earlier, by, why, Optional.of(versionId), "rollback", draftAfter);
    }

    /** Recordings the content names but this hotline does not keep (from an import from elsewhere, say). */
    private List<CatalogProblem> missingRecordingFiles(Catalog catalog) {
        List<CatalogProblem> missing = new java.util.ArrayList<>();
        catalog.recordings().forEach((language, slots) -> slots.forEach((slot, file) -> {
            if (!recordingKept.test(file)) {
                missing.add(new CatalogProblem(CatalogSource.promptFile(language), "recordings." + slot,
                        "the recording " + file + " is not kept by this hotline; upload it again"));
            }
        }));
        return missing;
    }

    /**
     * Every answer the content can give, read as Twilio would: now, tonight, and in half a week, so that each line
     * is seen open and closed.
     */
    private List<CatalogProblem> rehearsed(Catalog catalog) {
        Instant now = clock.instant();
        AnswerRehearsal.Result result = rehearsal.rehearse(catalog, List.of(now, now.plus(Duration.ofHours(9)),
                now.plus(Duration.ofHours(84))));
        return result.problems().stream().map(problem -> new CatalogProblem("", "",
                "callers could not be answered here, so nothing was published: " + problem)).toList();
    }

    private Result publish(CatalogSource content, String by, String note, Optional<Long> restores, String action,
                           UnaryOperator<CatalogSource> draftAfter) {
        CatalogCheck check = CatalogValidator.check(content);
        if (!check.ok()) {
            return new Result(Optional.empty(), check.errors());
        }
        List<CatalogProblem> missingFiles = missingRecordingFiles(check.catalog().orElseThrow());
        if (!missingFiles.isEmpty()) {
            return new Result(Optional.empty(), missingFiles);
        }
        List<CatalogProblem> unfollowable = rehearsed(check.catalog().orElseThrow());
        if (!unfollowable.isEmpty()) {
            return new Result(Optional.empty(), unfollowable);
        }
        long version = store.publish(content, by, note, restores, draftAfter);
        published.publish(check.catalog().orElseThrow().withVersion("v" + version));
        audit.record(by, action, "v" + version + ": " + note);
        return new Result(Optional.of(version), List.of());
    }
}
