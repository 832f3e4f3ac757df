package hotline.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * A form upload larger than the server accepts at all (see the multipart limits in {@code App}). Jetty refuses it
 * while the form is read, wherever that happens, so it arrives as an exception rather than in a controller;
 * the person who sent it gets a page that says what happened instead of "something went wrong".
 */
public final class TooLargeUpload {
    private TooLargeUpload() {
    }

    /** Whether {@code error} is Jetty refusing a multipart form for its size. */
    public static boolean causedBy(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (cause instanceof IllegalStateException
                    && (message.startsWith("max file size exceeded") || message.startsWith("max request size exceeded"))) {
                return true;
            }
        }
        return false;
    }

    public static void refuse(Context ctx) {
        ctx.status(HttpStatus.CONTENT_TOO_LARGE);
        Pages.render(ctx, "message.jte", new MessagePage(Frame.anonymous("Upload too large"), "That file is too large",
                "Nothing was saved. A recording can be at most 5 MB, and a prompt file at most 512 KB."
                        + " Go back and choose a smaller file: a short prompt saved as mono MP3 or 8 kHz WAV is far smaller."));
    }
}
