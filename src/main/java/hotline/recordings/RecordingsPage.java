package hotline.recordings;

import hotline.web.FieldError;
import hotline.web.Frame;

import java.util.List;

/** Every recording a language can have, with what it must say and whether it is recorded. */
public record RecordingsPage(Frame frame, String language, String languageName, boolean recordingsOnly, List<Slot> slots,
                             String error, String errorSlot, long recorded, long needed, boolean onlyToDo) {

    /** The error summary: the upload that was refused, linking to its file field. */
    public List<FieldError> errors() {
        return error.isEmpty() ? List.of() : List.of(new FieldError(errorSlot.isEmpty() ? "" : fieldId(errorSlot), error));
    }

    /** An id for a piece's file field: slot names hold '#' and '.', which a link to an id cannot carry plainly. */
    public String fieldId(String slot) {
        return "upload-" + slot.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    public String errorFor(String slot) {
        return slot.equals(errorSlot) ? error : "";
    }

    /**
     * One recording: which piece it is, in words, what it must say, and its state.
     *
     * @param state {@code recorded}, {@code out_of_date} (the text changed since), or {@code missing}
     */
    public record Slot(String slot, String description, String transcript, String state, String file, boolean optional) {
    }
}
