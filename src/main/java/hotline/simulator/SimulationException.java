package hotline.simulator;

/** The hotline answered something Twilio could not follow: the call would fail for a real caller. */
public class SimulationException extends RuntimeException {
    public SimulationException(String message) {
        super(message);
    }
}
