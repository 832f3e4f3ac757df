package hotline.web;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.Scheduler;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads a request's body, up to {@link #WHOLE_BYTES}, before any handler sees it, without a thread: bytes are taken
 * as they arrive, and the request goes on to the application (whose reading blocks a thread) only once its body is
 * whole. A client that sends its body a byte at a time therefore holds no thread, however many do it, and the
 * threads stay free for Twilio's webhooks. A body must be whole within {@link #DEADLINE}; at most
 * {@link #MOST_WAITING} bodies may be still arriving at once (a webhook arrives whole and never waits).
 * Larger bodies (uploads, from signed-in admins) go on at once and are read as they come, at Jetty's minimum rate.
 */
final class WholeBodyFirst extends Handler.Wrapper {
    /** Every webhook, every sign-in and nearly every form of the console is smaller. */
    static final int WHOLE_BYTES = 64 * 1024;
    /** Generous for 64 KB on the slowest link; nothing real trickles for longer. */
    static final Duration DEADLINE = Duration.ofSeconds(10);
    static final int MOST_WAITING = 500;

    private final AtomicInteger waiting = new AtomicInteger();

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long length = request.getLength();
        boolean chunked = length < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        if (length == 0 || length < 0 && !chunked || length > WHOLE_BYTES) {
            return super.handle(request, response, callback);
        }
        new Loader(request, response, callback).read(false);
        return true;
    }

    /** One body being gathered; it either goes on to the application, whole, or is refused. Never both. */
    private final class Loader implements Invocable.Task {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final AtomicBoolean settled = new AtomicBoolean();
        private boolean counted;
        private volatile Scheduler.Task deadline;

        Loader(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            this.callback = callback;
        }

        /** Runs when more bytes arrive; copies them and lets Jetty's buffers go at once. */
        @Override
        public void run() {
            read(true);
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING; // it only copies bytes; the application runs elsewhere
        }

        /** @param arrived true when called as more bytes arrived, on a thread that must not block */
        void read(boolean arrived) {
            while (true) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    if (startWaiting()) {
                        request.demand(this);
                    }
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    chunk.release();
                    refuse(chunk.getFailure());
                    return;
                }
                ByteBuffer bytes = chunk.getByteBuffer();
                byte[] copy = new byte[bytes.remaining()];
                bytes.get(copy);
                chunk.release();
                body.writeBytes(copy);
                if (body.size() > WHOLE_BYTES) {
                    refuse(HttpStatus.PAYLOAD_TOO_LARGE_413, "Request too large");
                    return;
                }
                if (chunk.isLast()) {
                    goOn(arrived);
                    return;
                }
            }
        }

        /** The first time the body is not all there: counted, and given its deadline. False if refused instead. */
        private boolean startWaiting() {
            if (counted) {
                return true;
            }
            counted = true;
            if (waiting.incrementAndGet() > MOST_WAITING) {
                refuse(HttpStatus.SERVICE_UNAVAILABLE_503, "Too many slow requests; try again");
                return false;
            }
            deadline = request.getComponents().getScheduler().schedule(() -> refuse(HttpStatus.REQUEST_TIMEOUT_408,
                    "The request body did not arrive in time"), DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        }

        /** @param elsewhere run the application on a thread of its own (it blocks), not on this one */
        private void goOn(boolean elsewhere) {
            if (!settle()) {
                return;
            }
            Request whole = new WholeBody(request, body.toByteArray());
            if (elsewhere) {
                request.getContext().execute(() -> handleWhole(whole));
            } else {
                handleWhole(whole); // the body came with the head, as Twilio's do: no thread handed over
            }
        }

        private void handleWhole(Request whole) {
            try {
                if (!WholeBodyFirst.super.handle(whole, response, callback)) {
                    Response.writeError(whole, response, callback, HttpStatus.NOT_FOUND_404);
                }
            } catch (Throwable failure) {
                Response.writeError(whole, response, callback, failure);
            }
        }

        private void refuse(int status, String why) {
            if (settle()) {
                response.getHeaders().put(HttpHeader.CONNECTION, "close"); // whatever is still coming is not read
                Response.writeError(request, response, callback, status, why);
            }
        }

        private void refuse(Throwable failure) {
            if (settle()) {
                Response.writeError(request, response, callback, failure);
            }
        }

        private boolean settle() {
            if (!settled.compareAndSet(false, true)) {
                return false;
            }
            if (counted) {
                waiting.decrementAndGet();
            }
            Scheduler.Task pending = deadline;
            if (pending != null) {
                pending.cancel();
            }
            return true;
        }
    }

    /** The request as the application sees it: its body, all there, read from memory. */
    private static final class WholeBody extends Request.Wrapper {
        private Content.Chunk rest;

        WholeBody(Request request, byte[] body) {
            super(request);
            this.rest = Content.Chunk.from(ByteBuffer.wrap(body), true);
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk chunk = rest;
            rest = Content.Chunk.EOF;
            return chunk;
        }

        @Override
        public void demand(Runnable demandCallback) {
            demandCallback.run(); // everything is here already
        }
    }
}
