package hotline.admin;

import hotline.web.Frame;

import java.util.List;

/**
 * Every text of one language beside the default language's, grouped as callers meet them.
 *
 * @param languages all languages of the draft, for switching between them
 */
public record PromptsPage(Frame frame, List<LanguageTab> languages, String language, String referenceLanguage,
                          boolean reviewed, boolean offered, List<Group> groups, List<ProblemView> problems) {

    /** A language to switch to, with its state. */
    public record LanguageTab(String code, boolean reviewed, boolean offered, boolean current) {
    }

    /** Texts heard at one place in the call. */
    public record Group(String title, String help, List<Row> rows) {
    }

    /**
     * One text: its key, what it must contain, the reference text, and this language's text as typed.
     *
     * @param segments true for a topic, typed as paragraphs separated by an empty line
     */
    public record Row(String key, String needs, String reference, String text, boolean segments, String problem) {
    }

    public boolean isReference() {
        return language.equals(referenceLanguage);
    }
}
