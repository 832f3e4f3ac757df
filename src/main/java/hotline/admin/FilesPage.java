package hotline.admin;

import hotline.web.Frame;

import java.util.List;

/**
 * Export and import of prompt files, with what went wrong in the last import.
 *
 * @param languages the draft's languages, any of which can be exported alone for a translator
 */
public record FilesPage(Frame frame, String liveLabel, List<LanguageChoice> languages, String defaultLanguage,
                        List<ProblemView> problems, String error) {

    /** A language as the page offers it: by its name, with its code. */
    public record LanguageChoice(String code, String name) {
    }
}
