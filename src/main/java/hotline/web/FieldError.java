package hotline.web;

import java.util.List;
import java.util.Map;

/**
 * A mistake in a form, as the error summary at the top of the page lists it: the id of the field it is about (the
 * summary links there) and what to do, in words that say more than the field's hint.
 */
public record FieldError(String field, String message) {
    /** Where the summary's link goes: the field on this page, or (for a field starting with /) the page to fix it on. */
    public String href() {
        return field.startsWith("/") ? field : "#" + field;
    }

    /** The errors of a form by field id, in the order the form shows its fields. */
    public static List<FieldError> of(Map<String, String> byField) {
        return byField.entrySet().stream().map(e -> new FieldError(e.getKey(), e.getValue())).toList();
    }

    /** A mistake that is about no single field. */
    public static FieldError general(String message) {
        return new FieldError("", message);
    }
}
