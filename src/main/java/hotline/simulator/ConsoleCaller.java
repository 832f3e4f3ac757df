package hotline.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/** A person at the terminal, pressing keys and choosing how transfers turn out. */
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
    public Optional<String> respondToMenu() {
        while (true) {
            String line = ask("Press a key (0-9, * or #), Enter to press nothing, q to hang up: ");
            if (line == null || line.equals("q")) {
                return Optional.empty();
            }
            if (line.isEmpty() || line.matches("[0-9*#]")) {
                return Optional.of(line);
            }
            out.println("  \"" + line + "\" is not a key on a phone.");
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
