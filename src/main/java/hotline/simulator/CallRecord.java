package hotline.simulator;

import hotline.voice.VoiceRoutes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything that happened in one simulated call: each webhook and its answer, what was said, what was dialed.
 *
 * @param exchanges the call's webhooks in order (what a line hears on answering is not one: see {@code whispered})
 * @param whispered what the lines that answered heard before the caller was connected (the caller does not hear it)
 */
public record CallRecord(List<Exchange> exchanges, List<Spoken> spoken, List<String> dialed, List<String> transcript,
                         List<Spoken> whispered, Ending ending) {

    public enum Ending { CALLER_HUNG_UP, HOTLINE_HUNG_UP, NO_MORE_INSTRUCTIONS }

    /** One webhook: the public URL Twilio requested, the parameters particular to it, and the hotline's answer. */
    public record Exchange(String url, Map<String, String> params, int status, String contentType, String body) {
    }

    public record Spoken(String language, String voice, String text) {
    }

    /** All text spoken in the call, one line per {@code <Say>}. */
    public String spokenText() {
        return String.join("\n", spoken.stream().map(Spoken::text).toList());
    }

    /** The hotline's last instructions in the call (the status callback that follows is not one). */
    public Exchange lastAnswer() {
        return exchanges.stream().filter(e -> !e.url().endsWith(VoiceRoutes.STATUS)).reduce((first, second) -> second)
                .orElseThrow();
    }

    static final class Builder {
        private final List<Exchange> exchanges = new ArrayList<>();
        private final List<Spoken> spoken = new ArrayList<>();
        private final List<String> dialed = new ArrayList<>();
        private final List<String> transcript = new ArrayList<>();
        private final List<Spoken> whispered = new ArrayList<>();
        private Ending ending = Ending.NO_MORE_INSTRUCTIONS;

        void exchange(Exchange exchange) {
            exchanges.add(exchange);
        }

        void spoken(Spoken words) {
            spoken.add(words);
        }

        void whispered(Spoken words) {
            whispered.add(words);
        }

        void dialed(String number) {
            dialed.add(number);
        }

        void transcript(String line) {
            transcript.add(line);
        }

        void ending(Ending how) {
            ending = how;
        }

        CallRecord build() {
            return new CallRecord(List.copyOf(exchanges), List.copyOf(spoken), List.copyOf(dialed), List.copyOf(transcript), List.copyOf(whispered),
                    ending);
        }
    }
}
