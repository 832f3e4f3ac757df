package hotline.simulator;

import java.util.Optional;

/** The person on the phone: what they press or say at a menu and how a transfer turns out. Empty means they hang up. */
public interface Caller {

    /** The outcome of a {@code <Dial>}, as Twilio reports it in {@code DialCallStatus}. */
    enum TransferOutcome {
        ANSWERED("completed"), BUSY("busy"), NO_ANSWER("no-answer"), FAILED("failed");

        private final String dialCallStatus;

        TransferOutcome(String dialCallStatus) {
            this.dialCallStatus = dialCallStatus;
        }

        public String dialCallStatus() {
            return dialCallStatus;
        }
    }

    /** The answer at a menu (a key such as "1" or "*", words, or nothing), or empty to hang up. */
    Optional<MenuAnswer> respondToMenu();

    Optional<TransferOutcome> respondToTransfer(String number);
}
