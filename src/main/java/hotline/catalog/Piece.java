package hotline.catalog;

import java.util.Optional;

/**
 * One piece of a prompt: fixed words, or a value filled in as the prompt is spoken. Pieces let a prompt be
 * played from recordings: the words from a recording of them, the values from recorded digits and line names.
 */
public sealed interface Piece {

    /** Words said as written, or played from their recording. */
    record Words(String text) implements Piece {
    }

    /** {@code {key}}: the digit to press. */
    record Key() implements Piece {
    }

    /** {@code {name}}, or {@code {name:LINE}}: a resource line's name in the caller's language. */
    record Name(Optional<String> line) implements Piece {
    }

    /** {@code {number}}, or {@code {number:LINE}}: a line's number, digit by digit. */
    record Number(Optional<String> line) implements Piece {
    }
}
