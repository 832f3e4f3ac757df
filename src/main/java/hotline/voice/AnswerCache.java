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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Answers already built, as TwiML text. An answer depends only on the catalog, the step, the caller's input and,
 * through opening hours, on which lines are open now; so once built for those it is kept, and a busy hour spends
 * its time answering rather than building and serializing the same XML again. A new catalog (a publish) starts
 * afresh. Only the inputs Twilio sends for one key press are kept, and the TwiML of transfer outcomes (their events,
 * which carry a duration, are built every time); words said are built every time, so nothing a caller can vary
 * fills the cache.
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

    /**
     * The answers of one catalog. Each catalog gets its own map, swapped in whole, so an answer built from one
     * catalog can only ever be found by a request holding that same catalog, however requests interleave.
     */
    private record Generation(Catalog catalog, Map<Key, Answer> answers) {
        static Generation of(Catalog catalog) {
            return new Generation(catalog, new ConcurrentHashMap<>());
        }
    }

    private final AtomicReference<Generation> generation = new AtomicReference<>(Generation.of(null));
    private volatile OpenLines openLines;

    /** @param step a {@link CallStep}, or {@link #INCOMING} */
    Answer answer(Catalog catalog, Object step, CallInput input, Instant now, Supplier<Reply> build) {
        if (transferOutcome(step, input)) {
            return transferOutcome(catalog, step, input, now, build.get());
        }
        if (!cacheable(step, input)) {
            return Answer.of(build.get());
        }
        Map<Key, Answer> answers = generationOf(catalog).answers();
        if (answers.size() >= MAX_ANSWERS) {
            answers.clear();
        }
        Key key = new Key(step, input, openLines(catalog, now));
        Answer known = answers.get(key);
        if (known != null) {
            return known;
        }
        Answer built = Answer.of(build.get());
        answers.putIfAbsent(key, built);
        return built;
    }

    /**
     * A transfer's outcome: its events carry the talk time, so they are the ones just built, every time; its TwiML does
     * not (it depends on the outcome, the line, the hotline's number and which lines are open), so the text made for
     * the first such outcome is sent again, rather than serialized anew, which costs more than all the rest.
     */
    private Answer transferOutcome(Catalog catalog, Object step, CallInput input, Instant now, Reply built) {
        Map<Key, Answer> answers = generationOf(catalog).answers();
        if (answers.size() >= MAX_ANSWERS) {
            answers.clear();
        }
        CallInput anyLength = new CallInput(input.digits(), input.dialCallStatus(), 0, input.hotlineNumber(), input.speech());
        Key key = new Key(step, anyLength, openLines(catalog, now));
        Answer known = answers.get(key);
        if (known == null) {
            known = Answer.of(built);
            answers.putIfAbsent(key, known);
        }
        return new Answer(known.twiml(), built.events());
    }

    private static boolean transferOutcome(Object step, CallInput input) {
        return step instanceof CallStep.TransferResult && input.speech().isEmpty() && input.digits().isEmpty()
                && input.dialCallStatus().filter(status -> status.length() <= 20).isPresent();
    }

    int size() {
        return generation.get().answers().size();
    }

    /**
     * The answers of {@code catalog}, starting afresh when it is not the one kept. A request still holding the old
     * catalog just after a publish swaps its own generation in for a moment; the next request with the new
     * catalog swaps back. That costs a rebuild or two, never a wrong answer.
     */
    private Generation generationOf(Catalog catalog) {
        Generation kept = generation.get();
        if (kept.catalog() == catalog) {
            return kept; // every call but the first few after a publish
        }
        Generation fresh = Generation.of(catalog);
        while (kept.catalog() != catalog) {
            if (generation.compareAndSet(kept, fresh)) {
                return fresh;
            }
            kept = generation.get();
        }
        return kept;
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
