package hotline.admin;

import hotline.web.FieldError;
import hotline.web.Frame;

import java.util.List;

/**
 * Export and import of prompt files, with why the last import was refused.
 *
 * @param languages the draft's languages, any of which can be exported alone for a translator
 */
public record FilesPage(Frame frame, String liveLabel, List<LanguageChoice> languages, String defaultLanguageName,
                        List<FieldError> errors) {

    /** A language as the page offers it: by its name, with its code. */
    public record LanguageChoice(String code, String name) {
    }

    public boolean refused() {
        return !errors.isEmpty();
    }
}
