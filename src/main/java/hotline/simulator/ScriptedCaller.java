package hotline.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A caller that follows a script, for tests and scripts: keys for menus ("1", "*", "#"), words in double quotes
 * for saying something instead ({@code "Español"}), "-" for pressing nothing, and an outcome at each transfer
 * ("answered", "busy", "no-answer", "failed"). When the script runs out, the caller hangs up.
 */
public final class ScriptedCaller implements Caller {
    public static final String NOTHING = "-";
    /** A quoted phrase, or a run of characters up to a space or comma. */
    private static final Pattern STEP = Pattern.compile("\"[^\"]*\"|[^\\s,\"]+");
    private final Deque<String> steps;

    public ScriptedCaller(List<String> steps) {
        this.steps = new ArrayDeque<>(steps);
    }

    /** Steps separated by spaces or commas: {@code 3 5 1 busy answered}, or {@code "Español" "speak with someone"}. */
    public static ScriptedCaller parse(String script) {
        List<String> steps = new ArrayList<>();
        Matcher step = STEP.matcher(script);
        while (step.find()) {
            steps.add(step.group());
        }
        return new ScriptedCaller(steps);
    }

    @Override
    public Optional<MenuAnswer> respondToMenu() {
        String step = steps.poll();
        if (step == null) {
            return Optional.empty();
        }
        if (isOutcome(step)) {
            throw new IllegalArgumentException("the script says \"" + step + "\" but the hotline is waiting for a key press"
                    + " (a key, or " + NOTHING + " for none)");
        }
        if (step.equals(NOTHING)) {
            return Optional.of(MenuAnswer.nothing());
        }
        if (step.startsWith("\"")) {
            return Optional.of(MenuAnswer.say(step.substring(1, step.length() - 1)));
        }
        return Optional.of(MenuAnswer.press(step));
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
