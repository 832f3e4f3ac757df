package hotline.web;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection that keeps sending bytes without ever completing a request's head (slowloris). Jetty parses
 * heads without a thread, so these cost no thread, but each holds a connection for as long as it trickles: the
 * idle timeout never fires while a byte comes every few seconds. Looked at every {@link #CHECK_EVERY}: between
 * requests (every request so far answered), bytes arriving for longer than {@link #DEADLINE} without a new
 * request beginning are a head that is not coming.
 */
final class RequestHeadDeadline implements Connection.Listener {
    /** A head is a few hundred bytes, sent at once by every real client. */
    static final Duration DEADLINE = Duration.ofSeconds(10);
    static final Duration CHECK_EVERY = Duration.ofSeconds(2);

    private final Scheduler scheduler;

    RequestHeadDeadline(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void onOpened(Connection connection) {
        new Watch(connection).schedule();
    }

    /** One connection's head, as seen at each check. */
    private final class Watch implements Runnable {
        private final Connection connection;
        private long requestsSeen = -1;
        private long bytesSeen;
        private long headSinceNanos = -1;

        Watch(Connection connection) {
            this.connection = connection;
        }

        void schedule() {
            scheduler.schedule(this, CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void run() {
            if (!connection.getEndPoint().isOpen()) {
                return;
            }
            long now = System.nanoTime();
            long requests = connection.getMessagesIn();
            long bytes = connection.getBytesIn();
            boolean betweenRequests = requests == connection.getMessagesOut();
            if (requests != requestsSeen || !betweenRequests) {
                headSinceNanos = -1; // a request began, or one is being answered: no head is pending
            } else if (bytes != bytesSeen && headSinceNanos < 0) {
                headSinceNanos = now - CHECK_EVERY.toNanos(); // bytes of a head arrived since the last look
            }
            requestsSeen = requests;
            bytesSeen = bytes;
            if (headSinceNanos >= 0 && now - headSinceNanos > DEADLINE.toNanos()) {
                connection.getEndPoint().close(new java.util.concurrent.TimeoutException("request head not complete within "
                        + DEADLINE.toSeconds() + " s"));
                return;
            }
            schedule();
        }
    }
}
