package hotline.simulator;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A caller that follows a script, for tests and scripts: keys for menus ("1", "*", "#"), "-" for pressing
 * nothing, and an outcome at each transfer ("answered", "busy", "no-answer", "failed"). When the script runs
 * out, the caller hangs up.
 */
public final class ScriptedCaller implements Caller {
    public static final String NOTHING = "-";
    private final Deque<String> steps;

    public ScriptedCaller(List<String> steps) {
        this.steps = new ArrayDeque<>(steps);
    }

    /** Steps separated by spaces or commas: {@code "3 5 1 busy answered"}. */
    public static ScriptedCaller parse(String script) {
        return new ScriptedCaller(Arrays.stream(script.trim().split("[\\s,]+")).filter(s -> !s.isEmpty()).toList());
    }

    @Override
    public Optional<String> respondToMenu() {
        String step = steps.poll();
        if (step == null) {
            return Optional.empty();
        }
        if (isOutcome(step)) {
            throw new IllegalArgumentException("the script says \"" + step + "\" but the hotline is waiting for a key press"
                    + " (a key, or " + NOTHING + " for none)");
        }
        return Optional.of(step.equals(NOTHING) ? "" : step);
    }

    @Override
    public Optional<TransferOutcome> respondToTransfer(String number) {
        String step = steps.poll();
        if (step == null) {
            return Optional.empty();
        }
        if (!isOutcome(step)) {
            throw new IllegalArgumentException("the script says \"" + step + "\" but the hotline is transferring the call;"
                    + " say how it ends: answered, busy, no-answer or failed");
        }
        return Optional.of(outcome(step));
    }

    public List<String> remaining() {
        return List.copyOf(steps);
    }

    static boolean isOutcome(String word) {
        return List.of("answered", "busy", "no-answer", "failed").contains(word.toLowerCase(Locale.ROOT));
    }

    static TransferOutcome outcome(String word) {
        return TransferOutcome.valueOf(word.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
