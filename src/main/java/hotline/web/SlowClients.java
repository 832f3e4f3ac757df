package hotline.web;

import io.javalin.config.JavalinConfig;

import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;
import org.eclipse.jetty.util.component.LifeCycle;

import java.time.Duration;

/**
 * Keeps slow clients from silencing callers. Jetty's threads (250 at most) answer Twilio; a client that sends a
 * request slowly must not hold one. So: heads are parsed without a thread and must be complete within
 * {@link RequestHeadDeadline#DEADLINE}; bodies up to 64 KB are gathered without a thread and must be complete
 * within {@link WholeBodyFirst#DEADLINE}; larger bodies (admin uploads) are read at no less than
 * {@link #MIN_BYTES_PER_SECOND}; an idle connection is closed after {@link #IDLE_TIMEOUT}.
 */
public final class SlowClients {
    static final long MIN_BYTES_PER_SECOND = 1024;
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(20);

    private SlowClients() {
    }

    public static void guard(JavalinConfig javalin) {
        javalin.jetty.modifyServer(server -> {
            // Outermost first: bodies gathered whole; what goes on unread (large uploads) is read at a minimum rate.
            server.insertHandler(new MinimumDataRateHandler(MIN_BYTES_PER_SECOND, 0));
            server.insertHandler(new WholeBodyFirst());
            // Connectors exist once the server starts: each gets the idle timeout and the head deadline then.
            server.addEventListener(new LifeCycle.Listener() {
                @Override
                public void lifeCycleStarting(LifeCycle event) {
                    RequestHeadDeadline heads = new RequestHeadDeadline(server.getScheduler());
                    for (Connector connector : server.getConnectors()) {
                        if (connector instanceof AbstractConnector network) {
                            network.setIdleTimeout(IDLE_TIMEOUT.toMillis());
                        }
                        connector.addEventListener(heads);
                    }
                }
            });
        });
    }
}
