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
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Publisher.class);
    private final ContentStore store;
    private final PublishedCatalog published;
    private final AuditLog audit;
    /** Whether this hotline keeps an audio file, by name: recordings named by content from elsewhere may be missing. */
    private final Predicate<String> recordingKept;
    private final AnswerRehearsal rehearsal;
    private final FallbackStatus fallback;
    private final Clock clock;

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

    /** @param fallback notes each published version's fallback, so the console can say when the TwiML Bin needs it */
    public Publisher(ContentStore store, PublishedCatalog published, AuditLog audit, Predicate<String> recordingKept,
                     AnswerRehearsal rehearsal, FallbackStatus fallback, Clock clock) {
        this.store = store;
        this.published = published;
        this.audit = audit;
        this.recordingKept = recordingKept;
        this.rehearsal = rehearsal;
        this.fallback = fallback;
        this.clock = clock;
    }

    public synchronized Result publishDraft(String by, String note) {
        ContentStore.Draft draft = store.draft();
        return publish(draft.content(), draft.revision(), by, note.isBlank() ? "(no note)" : note.strip(), Optional.empty(),
                "publish", current -> draft.content());
    }

    /** Publishes an earlier version again; like a publish, it becomes the draft, unless the draft changes meanwhile. */
    public synchronized Result rollback(long versionId, String by, String note) {
        return rollback(versionId, by, note, draft -> store.content(versionId).orElseThrow());
    }

    /**
     * Publishes an earlier version again, as a new version, unless the draft changes meanwhile.
     *
     * @param draftAfter what the draft becomes, from the draft as it is: that version, or the draft's own changes on top of it
     */
    public synchronized Result rollback(long versionId, String by, String note, UnaryOperator<CatalogSource> draftAfter) {
        String draftRead = store.draft().revision();
        CatalogSource earlier = store.content(versionId)
                .orElseThrow(() -> new IllegalArgumentException("there is no version " + versionId));
        String why = "Rollback to v" + versionId + (note.isBlank() ? "" : ": " + note.strip());
        return publish(earlier, draftRead, by, why, Optional.of(versionId), "rollback", draftAfter);
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

    /** @param draftRead the draft's revision when this began: if it changed by the time the content is stored, nothing is */
    private Result publish(CatalogSource content, String draftRead, String by, String note, Optional<Long> restores,
                           String action, UnaryOperator<CatalogSource> draftAfter) {
        CatalogCheck check = CatalogValidator.check(content);
        if (!check.ok()) {
            return Result.refused(check.errors());
        }
        List<CatalogProblem> missingFiles = missingRecordingFiles(check.catalog().orElseThrow());
        if (!missingFiles.isEmpty()) {
            return Result.refused(missingFiles);
        }
        List<CatalogProblem> unfollowable = rehearsed(check.catalog().orElseThrow());
        if (!unfollowable.isEmpty()) {
            return Result.refused(unfollowable);
        }
        long version;
        try {
            version = store.publish(content, by, note, restores, Optional.of(draftRead), draftAfter);
        } catch (ContentStore.DraftChangedException edited) {
            return new Result(Optional.empty(), List.of(), Optional.of(edited.draft()));
        }
        Catalog live = check.catalog().orElseThrow().withVersion("v" + version);
        published.publish(live);
        audit.record(by, action, "v" + version + ": " + note);
        try {
            fallback.recordLive(live);
        } catch (RuntimeException e) {
            // Published all the same; the Publish page notes the fallback again when it is next shown.
            log.error("Published v{}, but could not note its fallback for the TwiML Bin", version, e);
        }
        return new Result(Optional.of(version), List.of(), Optional.empty());
    }
}
