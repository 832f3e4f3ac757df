package hotline.metrics;

/**
 * The event writer's counters since start-up, shown on /healthz.
 *
 * @param lastProblem why the last batch could not be written, or empty while writing works
 */
public record EventStats(int queued, long written, long dropped, String lastProblem) {
}
