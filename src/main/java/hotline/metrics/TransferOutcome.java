package hotline.metrics;

/** How a transfer ended, from Twilio's DialCallStatus. */
public enum TransferOutcome {
    CONNECTED("connected"), BUSY("busy"), NO_ANSWER("no_answer"), FAILED("failed");

    private final String stored;

    TransferOutcome(String stored) {
        this.stored = stored;
    }

    public String stored() {
        return stored;
    }

    /** Twilio's completed, busy, no-answer; failed, canceled and anything unknown count as failed. */
    public static TransferOutcome fromDialCallStatus(String status) {
        return switch (status) {
            case "completed", "answered" -> CONNECTED;
            case "busy" -> BUSY;
            case "no-answer" -> NO_ANSWER;
            default -> FAILED;
        };
    }
}
