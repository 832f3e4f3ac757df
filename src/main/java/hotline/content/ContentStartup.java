package hotline.content;

import hotline.audit.AuditLog;
import hotline.catalog.Catalog;
import hotline.catalog.CatalogCheck;
import hotline.catalog.CatalogException;
import hotline.catalog.CatalogSource;
import hotline.catalog.CatalogSource.LineEntry;
import hotline.catalog.CatalogSource.LinesFile;
import hotline.catalog.CatalogValidator;
import hotline.catalog.PromptDirectory;


import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.function.Supplier;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What callers hear when the hotline starts: the latest published version in the database. On first start
 * (an empty database) the first version is published from {@code prompts/}. If this release of the hotline
 * needs texts that the published version lacks, they are added from {@code prompts/} (never overwriting an
 * admin's text) and published as a new version.
 */
public final class ContentStartup {
    public static final String SYSTEM = "system";
    private static final Logger log = LoggerFactory.getLogger(ContentStartup.class);

    private ContentStartup() {
    }

    public static Catalog published(ContentStore store, Path promptsDir, AuditLog audit) {
        Optional<ContentStore.Version> latest = store.latest();
        if (latest.isEmpty()) {
            CatalogSource seed = PromptDirectory.read(promptsDir);
            CatalogValidator.validate(seed);
            return publish(store, audit, seed, "First version, from the prompt files in " + promptsDir.getFileName());
        }
        CatalogSource current = store.content(latest.get().id()).orElseThrow();
        CatalogCheck check = CatalogValidator.checkPublished(current);
        if (check.ok()) {
            logRulesBroken(check);
            return check.catalog().orElseThrow().withVersion(latest.get().label());
        }
        CatalogSource completed = withMissingFrom(current, PromptDirectory.read(promptsDir));
        CatalogCheck completedCheck = CatalogValidator.checkPublished(completed);
        if (!completedCheck.ok()) {
            throw new CatalogException(check.errors());
        }
        log.info("The published version lacks texts or settings this release needs; adding them from {}", promptsDir);
        logRulesBroken(completedCheck);
        return publish(store, audit, completed, "Texts and settings new in this release of the hotline, from the prompt files");
    }

    /** Content callers already heard that breaks a rule of wording added since: served, and named for an admin to fix. */
    private static void logRulesBroken(CatalogCheck check) {
        long wording = check.warnings().stream().filter(p -> p.wording()).count();
        if (wording > 0) {
            log.warn("The published content breaks {} rule(s) of how texts must be written to be heard well; callers hear it "
                    + "as it is until an admin fixes it (the console lists each one), for instance: {}", wording,
                    check.warnings().stream().filter(p -> p.wording()).findFirst().orElseThrow());
        }
    }

    /**
     * The time zone of the prompt files, for a database from before there was published content: its figures are
     * dated in the zone of the content about to be published first, the prompt files. Read and checked like any
     * content; if it cannot be, start-up stops, saying why, rather than guess a zone.
     */
    public static Supplier<ZoneId> seedTimeZone(Path promptsDir) {
        return () -> PromptDirectory.load(promptsDir).timeZone();
    }

    private static Catalog publish(ContentStore store, AuditLog audit, CatalogSource content, String note) {
        long version = store.publish(content, SYSTEM, note, Optional.empty());
        audit.record(SYSTEM, "publish", "v" + version + ": " + note);
        return CatalogValidator.checkPublished(content).catalog().orElseThrow().withVersion("v" + version);
    }

    /**
     * Adds what the seed has and the content lacks: for each language both have, missing texts; for each line both
     * have, a missing kind; and the notice lines hear when they answer, if the content has none.
     */
    public static CatalogSource withMissingFrom(CatalogSource content, CatalogSource seed) {
        CatalogSource completed = withMissingTextsFrom(content, seed);
        if (completed.lines() == null || completed.lines().lines() == null || seed.lines() == null) {
            return completed;
        }
        List<LineEntry> lines = completed.lines().lines().stream().map(line -> line.kind() != null ? line
                : seed.lines().lines().stream().filter(s -> s.id().equals(line.id()) && s.kind() != null).findFirst()
                .map(s -> new LineEntry(line.id(), s.kind(), line.names(), line.notes(), line.number(), line.open24Hours(),
                        line.hours(), line.closedDates(), line.failover(), line.whisper(), line.enabled()))
                .orElse(line)).toList();
        LinesFile withKinds = completed.lines().withLines(lines);
        LinesFile withWhisper = withKinds.whisper() != null ? withKinds
                : new LinesFile(withKinds.timeZone(), withKinds.dialTimeoutSeconds(), withKinds.hotline(),
                withKinds.speakNow(), seed.lines().whisper(), withKinds.lines());
        return completed.withLines(withWhisper);
    }

    /** Adds, for each language both have, the texts the seed has and the content lacks. */
    public static CatalogSource withMissingTextsFrom(CatalogSource content, CatalogSource seed) {
        Map<String, Map<String, Object>> prompts = new LinkedHashMap<>();
        content.prompts().forEach((language, texts) -> {
            Map<String, Object> completed = new LinkedHashMap<>(seed.prompts().getOrDefault(language, Map.of()));
            completed.keySet().retainAll(missingFrom(texts, completed));
            completed.putAll(texts);
            prompts.put(language, completed);
        });
        return content.withPrompts(prompts);
    }

    private static Set<String> missingFrom(Map<String, Object> texts, Map<String, Object> seed) {
        Set<String> missing = new HashSet<>(seed.keySet());
        missing.removeAll(texts.keySet());
        return missing;
    }
}
