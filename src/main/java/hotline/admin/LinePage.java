package hotline.admin;

import hotline.web.FieldError;
import hotline.web.Frame;

import java.util.List;
import java.util.Map;

/** One line's form, as stored or as just typed, with what is wrong with it by field. */
public record LinePage(Frame frame, boolean isNew, String title, LineForm form, List<LinesPage.Choice> languages,
                       List<LinesPage.Choice> failoverOptions, Map<String, String> errors) {

    public String error(String field) {
        return errors.getOrDefault(field, "");
    }

    /** The error summary at the top, in the order of the form. */
    public List<FieldError> summary() {
        return FieldError.of(errors);
    }

    /** "true" for a field with a mistake, or null (no attribute). */
    public String invalid(String field) {
        return error(field).isEmpty() ? null : "true";
    }

    /** The ids of the hint and error of a field, for aria-describedby; null when it has neither. */
    public String describedBy(String field, boolean hint) {
        String ids = (hint ? field + "-hint " : "") + (error(field).isEmpty() ? "" : field + "-error");
        return ids.isBlank() ? null : ids.strip();
    }
}
