package hotline.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A prompt's text as pieces: one text, or one segment of a topic. */
public record Template(List<Piece> pieces) {
    public Template {
        pieces = List.copyOf(pieces);
    }

    /** The text as written, placeholders included, such as {@code For {name}, press {key}.} */
    public String source() {
        return pieces.stream().map(piece -> {
            if (piece instanceof Piece.Words words) {
                return words.text();
            }
            if (piece instanceof Piece.Key) {
                return "{key}";
            }
            if (piece instanceof Piece.Name name) {
                return name.line().map(l -> "{name:" + l + "}").orElse("{name}");
            }
            return ((Piece.Number) piece).line().map(l -> "{number:" + l + "}").orElse("{number}");
        }).collect(Collectors.joining());
    }

    /** The words pieces, in order: what a person records for this text, one recording each. */
    public List<String> words() {
        List<String> words = new ArrayList<>();
        for (Piece piece : pieces) {
            if (piece instanceof Piece.Words w) {
                words.add(w.text());
            }
        }
        return words;
    }
}
