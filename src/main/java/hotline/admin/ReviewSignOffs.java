package hotline.admin;

import hotline.audit.AuditLog;
import hotline.catalog.CatalogSource;
import hotline.catalog.CatalogSource.LanguageEntry;
import hotline.catalog.LanguageNames;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A native speaker's sign-off on a language's texts is a decision someone answers for: each one given or withdrawn
 * goes into the audit log with who did it.
 */
final class ReviewSignOffs {
    private ReviewSignOffs() {
    }

    static void record(AuditLog audit, String by, CatalogSource before, CatalogSource after) {
        Map<String, LanguageEntry> earlier = before.languages().languages().stream()
                .collect(Collectors.toMap(LanguageEntry::code, Function.identity(), (a, b) -> a));
        for (LanguageEntry language : after.languages().languages()) {
            boolean was = earlier.containsKey(language.code()) && earlier.get(language.code()).reviewedByNativeSpeaker();
            boolean is = language.reviewedByNativeSpeaker();
            String name = LanguageNames.english(language.code(), language.name()) + " (" + language.code() + ")";
            if (is && !was) {
                audit.record(by, "language_reviewed", name + ": checked by a native speaker");
            } else if (was && !is) {
                audit.record(by, "language_review_withdrawn", name + ": marked as needing review again");
            }
        }
    }
}
