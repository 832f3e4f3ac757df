package hotline.twilio;

/**
 * Why a command stops, said so that the reader knows what to do, with its exit code: 1 when something is wrong on
 * the number, 2 for how the command was called, the credentials, or the network.
 */
final class CliProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    CliProblem(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
