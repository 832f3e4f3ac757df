package hotline.admin;

import hotline.web.Frame;

import java.util.List;

/**
 * A form kept when its author's session ended: where it was sent and when, what it changes, and the three ways on:
 * save it as sent, open it filled in, or throw it away.
 *
 * @param fields      every field as sent, for the form that saves it again
 * @param differences for texts, each that differs from the draft now; empty for other forms
 * @param fillIn      the page filled in with what was sent, or empty where there is none
 */
public record KeptPage(Frame frame, String id, String where, String when, String action, List<Field> fields,
                       List<Difference> differences, String fillIn, String resentField, String forgetAction) {

    /** A field as it was sent. */
    public record Field(String name, String value) {
    }

    /** A text as the draft has it now, and as it was sent. */
    public record Difference(String label, String key, String now, String sent) {
    }
}
