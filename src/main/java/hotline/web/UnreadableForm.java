package hotline.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A form Jetty cannot parse: a multipart body cut short or malformed, or a file name holding a control character
 * (a NUL, say), which no browser sends. It fails wherever the form is first read, so it arrives as an exception;
 * the sender gets a page that says what happened, the log one line, and nothing is saved.
 */
public final class UnreadableForm {
    private static final Logger log = LoggerFactory.getLogger(UnreadableForm.class);

    private UnreadableForm() {
    }

    public static boolean causedBy(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpException bad && bad.getCode() == HttpStatus.BAD_REQUEST.getCode()) {
                return true;
            }
        }
        return false;
    }

    public static void refuse(Context ctx) {
        log.warn("Refused {} {}: a form that cannot be read", ctx.method(), ctx.path());
        ctx.status(HttpStatus.BAD_REQUEST);
        Pages.render(ctx, "message.jte", new MessagePage(Frame.anonymous("The form could not be read"),
                "The form could not be read",
                "Nothing was saved. The form did not arrive as a browser sends it: perhaps the file's name holds a character "
                        + "no file name can have, or the upload was cut off. Rename the file to plain letters and digits, "
                        + "such as welcome.wav, go back and send it again."));
    }
}
