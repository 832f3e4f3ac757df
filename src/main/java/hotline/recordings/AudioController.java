package hotline.recordings;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code GET /audio/<file>}: recordings for Twilio's {@code <Play>} and the editor's players. Not signed, since
 * Twilio fetches media without a signature: a file name is the SHA-256 of its content, which cannot be guessed.
 */
public final class AudioController {
    public static final String PATH = "/audio/{file}";

    private final RecordingStore store;

    public AudioController(RecordingStore store) {
        this.store = store;
    }

    public void serve(Context ctx) {
        Optional<Path> file = store.file(ctx.pathParam("file"));
        if (file.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).contentType("text/plain").result("No such recording.");
            return;
        }
        try {
            ctx.contentType(file.get().toString().endsWith(".wav") ? "audio/wav" : "audio/mpeg")
                    .header("Cache-Control", "public, max-age=31536000, immutable")
                    .result(Files.readAllBytes(file.get()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
