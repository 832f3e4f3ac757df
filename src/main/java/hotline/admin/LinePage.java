package hotline.admin;

import hotline.web.Frame;

import java.util.List;
import java.util.Map;

/** One line's form, as stored or as just typed, with what is wrong with it by field. */
public record LinePage(Frame frame, boolean isNew, LineForm form, List<String> languages, String referenceLanguage,
                       List<String> failoverOptions, Map<String, String> errors) {
    public String title() {
        String name = form.name(referenceLanguage);
        return isNew ? "New line" : name.isEmpty() ? form.id() : name;
    }

    public String error(String field) {
        return errors.getOrDefault(field, "");
    }
}
