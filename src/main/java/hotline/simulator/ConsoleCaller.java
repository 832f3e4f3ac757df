package hotline.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/** A person at the terminal, pressing keys or saying words, and choosing how transfers turn out. */
final class ConsoleCaller implements Caller {
    private static final Map<String, TransferOutcome> OUTCOMES = Map.of(
            "a", TransferOutcome.ANSWERED, "b", TransferOutcome.BUSY,
            "n", TransferOutcome.NO_ANSWER, "f", TransferOutcome.FAILED);
    private final BufferedReader in;
    private final PrintStream out;

    ConsoleCaller(BufferedReader in, PrintStream out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public Optional<MenuAnswer> respondToMenu() {
        while (true) {
            String line = ask("Press a key (0-9, * or #), type words in quotes to say them, Enter for nothing, q to hang up: ");
            if (line == null || line.equals("q")) {
                return Optional.empty();
            }
            if (line.isEmpty()) {
                return Optional.of(MenuAnswer.nothing());
            }
            if (line.matches("[0-9*#]")) {
                return Optional.of(MenuAnswer.press(line));
            }
            if (line.length() > 2 && line.startsWith("\"") && line.endsWith("\"")) {
                return Optional.of(MenuAnswer.say(line.substring(1, line.length() - 1)));
            }
            out.println("  \"" + line + "\" is not a key on a phone. To say something, put it in double quotes.");
        }
    }

    @Override
    public Optional<TransferOutcome> respondToTransfer(String number) {
        while (true) {
            String line = ask("The line rings. [a]nswered, [b]usy, [n]o answer, [f]ailed, q to hang up: ");
            if (line == null || line.equals("q")) {
                return Optional.empty();
            }
            if (OUTCOMES.containsKey(line)) {
                return Optional.of(OUTCOMES.get(line));
            }
            out.println("  Type a, b, n, f or q.");
        }
    }

    private String ask(String prompt) {
        out.print(prompt);
        out.flush();
        try {
            String line = in.readLine();
            return line == null ? null : line.trim().toLowerCase(java.util.Locale.ROOT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
