package hotline.recordings;

import hotline.web.Frame;

import java.util.List;

/** Every recording a language can have, with what it must say and whether it is recorded. */
public record RecordingsPage(Frame frame, String language, boolean recordingsOnly, List<Slot> slots, String error,
                             long recorded, long needed, boolean onlyToDo) {

    /**
     * One recording: what it must say, and its state.
     *
     * @param state {@code recorded}, {@code out_of_date} (the text changed since), or {@code missing}
     */
    public record Slot(String slot, String transcript, String state, String file, boolean optional) {
    }
}
