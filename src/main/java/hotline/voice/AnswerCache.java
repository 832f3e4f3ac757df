package hotline.voice;

import hotline.catalog.Catalog;
import hotline.catalog.ResourceLine;
import hotline.metrics.CallEvent;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Answers already built, as TwiML text. An answer depends only on the catalog, the step, the caller's input and,
 * through opening hours, on which lines are open now; so once built for those it is kept, and a busy hour spends
 * its time answering rather than building and serializing the same XML again. A new catalog (a publish) starts
 * afresh. Only the inputs Twilio sends for one key press are kept; words said and transfer outcomes (which carry
 * a duration) are built every time, so nothing a caller can vary fills the cache.
 */
final class AnswerCache {
    /** Far more than the distinct answers of any real catalog; reaching it clears the cache, which then refills. */
    static final int MAX_ANSWERS = 20_000;

    /** An answer ready to send: the TwiML, already encoded, and the events of that step. */
    record Answer(byte[] twiml, List<CallEvent> events) {
        static Answer of(Reply reply) {
            return new Answer(reply.twiml().toXml().getBytes(StandardCharsets.UTF_8), reply.events());
        }
    }

    /** Which lines are open in one minute (opening hours are in whole minutes), for one catalog. */
    private record OpenLines(Catalog catalog, long minute, BitSet open) {
    }

    /** Stands for the incoming call, which has no step of its own yet: its answer is the language menu. */
    static final Object INCOMING = "incoming";

    /** @param step a {@link CallStep}, or {@link #INCOMING} */
    private record Key(Object step, CallInput input, BitSet openLines) {
    }

    private final Map<Key, Answer> answers = new ConcurrentHashMap<>();
    private volatile Catalog builtFor;
    private volatile OpenLines openLines;

    /** @param step a {@link CallStep}, or {@link #INCOMING} */
    Answer answer(Catalog catalog, Object step, CallInput input, Instant now, Supplier<Reply> build) {
        if (!cacheable(step, input)) {
            return Answer.of(build.get());
        }
        if (builtFor != catalog) {
            answers.clear();
            builtFor = catalog;
        }
        if (answers.size() >= MAX_ANSWERS) {
            answers.clear();
        }
        Key key = new Key(step, input, openLines(catalog, now));
        Answer known = answers.get(key);
        if (known != null) {
            return known;
        }
        Answer built = Answer.of(build.get());
        // Kept only if the catalog is still the one it was built from: a publish in between must not be undone.
        if (builtFor == catalog) {
            answers.putIfAbsent(key, built);
        }
        return built;
    }

    int size() {
        return answers.size();
    }

    private static boolean cacheable(Object step, CallInput input) {
        return !(step instanceof CallStep.TransferResult) && input.speech().isEmpty() && input.dialCallStatus().isEmpty()
                && input.digits().length() <= 1;
    }

    private BitSet openLines(Catalog catalog, Instant now) {
        long minute = Math.floorDiv(now.getEpochSecond(), 60);
        OpenLines known = openLines;
        if (known != null && known.catalog() == catalog && known.minute() == minute) {
            return known.open();
        }
        List<ResourceLine> lines = catalog.lines();
        BitSet open = new BitSet(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            open.set(i, catalog.isOpen(lines.get(i), Instant.ofEpochSecond(minute * 60)));
        }
        openLines = new OpenLines(catalog, minute, open);
        return open;
    }
}
