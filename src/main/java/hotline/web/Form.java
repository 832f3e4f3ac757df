package hotline.web;

import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of a submitted form, by name, as the browser sent them: from the request itself, or kept from an earlier
 * request (see {@link KeptForms}), so that a page can be filled in again with exactly what a person typed.
 */
public record Form(Map<String, List<String>> fields) {
    /** Never kept or shown again: the form's token belongs to a session, and passwords are never kept. */
    static final List<String> NEVER_KEPT = List.of("csrf", "password", "current", "new", "repeat", "login_token");

    public Form {
        fields = Map.copyOf(fields);
    }

    public static Form of(Context ctx) {
        Map<String, List<String>> sent = new LinkedHashMap<>(ctx.formParamMap());
        NEVER_KEPT.forEach(sent::remove);
        return new Form(sent);
    }

    public static Form empty() {
        return new Form(Map.of());
    }

    /** The field's first value, or null when it was not sent (an unticked checkbox). */
    public String value(String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The field's first value, or empty. */
    public String text(String name) {
        return Optional.ofNullable(value(name)).orElse("");
    }

    public boolean has(String name) {
        return value(name) != null;
    }
}
