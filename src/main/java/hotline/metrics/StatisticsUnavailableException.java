package hotline.metrics;

/** The database could not answer a statistics query; calls are not affected. */
public class StatisticsUnavailableException extends RuntimeException {
    public StatisticsUnavailableException(Throwable cause) {
        super("call statistics are unavailable: " + cause.getMessage(), cause);
    }
}
