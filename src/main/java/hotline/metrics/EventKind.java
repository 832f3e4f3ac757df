package hotline.metrics;

/** What can happen in a call, as counted; the name is what the database stores. */
public enum EventKind {
    CALL_STARTED("call_started"),
    LANGUAGE_CHOSEN("language_chosen"),
    OPTION_CHOSEN("option_chosen"),
    INVALID_INPUT("invalid_input"),
    NO_INPUT("no_input"),
    TRANSFER_ATTEMPTED("transfer_attempted"),
    TRANSFER_OUTCOME("transfer_outcome"),
    CALL_ENDED("call_ended");

    private final String stored;

    EventKind(String stored) {
        this.stored = stored;
    }

    public String stored() {
        return stored;
    }
}
