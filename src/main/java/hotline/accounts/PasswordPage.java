package hotline.accounts;

import hotline.web.FieldError;
import hotline.web.Frame;

import java.util.List;

/**
 * Changing one's own password; {@code forced} when a one-time password must be replaced first.
 *
 * @param field the field the error is about: {@code current}, {@code new} or {@code repeat}
 */
public record PasswordPage(Frame frame, boolean forced, String error, String field) {
    public List<FieldError> errors() {
        return error.isEmpty() ? List.of() : List.of(new FieldError(field, error));
    }

    public String error(String name) {
        return name.equals(field) ? error : "";
    }

    public String invalid(String name) {
        return error(name).isEmpty() ? null : "true";
    }

    public String describedBy(String name, boolean hint) {
        String ids = (hint ? name + "-hint " : "") + (error(name).isEmpty() ? "" : name + "-error");
        return ids.isBlank() ? null : ids.strip();
    }
}
