package hotline.admin;

import hotline.web.FieldError;
import hotline.web.Frame;

import java.util.ArrayList;
import java.util.List;

/**
 * Every text of one language beside the default language's, grouped as callers meet them, each described in words.
 *
 * @param languages all languages of the draft, for switching between them
 * @param problems  problems of this language that belong to no single text
 * @param keptId    when the page is filled in with texts kept after a session ended, their id (saving forgets them)
 */
public record PromptsPage(Frame frame, List<LanguageTab> languages, String language, String languageName,
                          String referenceLanguage, String referenceName, boolean reviewed, boolean offered,
                          List<Group> groups, List<ProblemView> problems, String keptId, String keptField) {

    /** A language to switch to, by its name, with its state. */
    public record LanguageTab(String code, String name, boolean reviewed, boolean offered, boolean current) {
        public String currentMark() {
            return current ? "page" : null;
        }
    }

    /** Texts heard at one place in the call. */
    public record Group(String anchor, String title, String help, List<Row> rows) {
    }

    /**
     * One text: its key, what it is in words, what it must contain, the reference text, and this language's text.
     *
     * @param segments true for a topic, typed as paragraphs separated by an empty line
     */
    public record Row(String key, String label, String needs, String reference, String text, boolean segments, String problem) {
        public String fieldId() {
            return "f-" + key;
        }

        /** The hint and the error that describe the field, for aria-describedby; null when there is neither. */
        public String describedBy() {
            List<String> ids = new ArrayList<>();
            if (!needs.isEmpty()) {
                ids.add(fieldId() + "-hint");
            }
            if (!problem.isEmpty()) {
                ids.add(fieldId() + "-error");
            }
            return ids.isEmpty() ? null : String.join(" ", ids);
        }

        public int rows() {
            return Math.max(segments ? 6 : 2, (int) text.chars().filter(c -> c == '\n').count() + 2);
        }
    }

    public boolean isReference() {
        return language.equals(referenceLanguage);
    }

    public boolean filledInFromKept() {
        return !keptId.isEmpty();
    }

    /** The error summary: each text with a problem, linking to it, when the problems block publishing. */
    public List<FieldError> errors() {
        if (!offered) {
            return List.of();
        }
        List<FieldError> errors = new ArrayList<>();
        problems.forEach(problem -> errors.add(FieldError.general(problem.text())));
        for (Group group : groups) {
            for (Row row : group.rows()) {
                if (!row.problem().isEmpty()) {
                    errors.add(new FieldError(row.fieldId(), row.label() + ": " + row.problem()));
                }
            }
        }
        return errors;
    }
}
