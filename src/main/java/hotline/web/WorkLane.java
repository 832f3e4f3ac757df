package hotline.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Heavy admin work (a password hash, a dashboard's queries, an import, a publish's validation) done a few at a time
 * on threads of its own, so that however much of it is asked for at once, the webhooks keep the rest of the
 * machine. The request waits for its turn; when {@code waiting} requests already wait, it is refused at once
 * ({@link Busy}) rather than queued behind them.
 * <p>
 * Lanes may share a {@code cpu} permit: then only one piece of work runs at a time across them. And a lane's
 * threads ask the operating system to run them only when nothing else wants the processor (nice 19, on Linux):
 * a webhook that arrives while a password is being hashed is answered first.
 */
public final class WorkLane {
    /** No lane at all: the work runs on the caller's thread and is never refused (commands, tests of the parts). */
    public static final WorkLane INLINE = new WorkLane();

    private final ThreadPoolExecutor executor;
    private final Semaphore cpu;

    private WorkLane() {
        this.executor = null;
        this.cpu = null;
    }

    /**
     * @param threads at most this many pieces of work at once
     * @param waiting at most this many more wait for a thread; beyond that, work is refused
     * @param cpu     held while a piece of work runs; lanes that share it never run at the same time
     */
    public WorkLane(String name, int threads, int waiting, Semaphore cpu) {
        AtomicInteger count = new AtomicInteger();
        this.cpu = cpu;
        this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(waiting), work -> {
            Thread thread = new Thread(() -> {
                BackgroundPriority.lowerThisThread();
                work.run();
            }, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.AbortPolicy());
        this.executor.allowCoreThreadTimeOut(true);
    }

    /** The work done as too much was asked for at once: nothing was done, the person is asked to try again. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("too much admin work at once", null, false, false);
        }
    }

    /** Runs {@code work} in its turn and returns its result; throws what it throws, or {@link Busy}. */
    public <T> T call(Callable<T> work) throws Exception {
        if (executor == null) {
            return work.call();
        }
        Future<T> turn;
        try {
            turn = executor.submit(() -> {
                cpu.acquire();
                try {
                    return work.call();
                } finally {
                    cpu.release();
                }
            });
        } catch (RejectedExecutionException full) {
            throw new Busy();
        }
        try {
            return turn.get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw failed;
        } catch (InterruptedException interrupted) {
            turn.cancel(true);
            Thread.currentThread().interrupt();
            throw interrupted;
        }
    }

    /** {@link #call} without checked exceptions, for work that throws none of its own. */
    public <T> T run(Callable<T> work) {
        try {
            return call(work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A route whose whole handling is done in this lane. */
    public Handler handler(Handler handler) {
        return ctx -> call(() -> {
            handler.handle(ctx);
            return null;
        });
    }

    /** The page for someone whose work was refused: what happened, that nothing changed, and when to try again. */
    public static void refuse(Context ctx) {
        ctx.status(503).header("Retry-After", "5");
        Pages.render(ctx, "message.jte", new MessagePage(Frame.anonymous("Busy"), "The hotline is busy",
                "A lot of admin work was asked for at once, and the hotline answers calls first. Nothing was changed. "
                        + "Wait a few seconds, then go back and try again."));
    }
}
