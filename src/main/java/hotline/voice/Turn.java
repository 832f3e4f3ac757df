package hotline.voice;

import com.twilio.twiml.VoiceResponse;

import hotline.catalog.Catalog;
import hotline.catalog.Language;
import hotline.catalog.PromptKey;
import hotline.metrics.CallEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One step of one call: the catalog it is answered from, the caller's language, their input and the time;
 * and, as the step is answered, the events that happened in it.
 */
final class Turn {
    private final Catalog catalog;
    private final Language language;
    private final CallInput input;
    private final Instant now;
    private final StepUrls urls;
    private final List<CallEvent> events = new ArrayList<>();

    Turn(Catalog catalog, Language language, CallInput input, Instant now, StepUrls urls) {
        this.catalog = catalog;
        this.language = language;
        this.input = input;
        this.now = now;
        this.urls = urls;
    }

    Catalog catalog() {
        return catalog;
    }

    Language language() {
        return language;
    }

    CallInput input() {
        return input;
    }

    Instant now() {
        return now;
    }

    /** Nothing said yet. */
    Speech speech() {
        return new Speech(catalog, urls);
    }

    /** One prompt in the caller's language. */
    Speech say(PromptKey key) {
        return speech().say(language, key);
    }

    /** The same step, now in the language the caller chose; the events so far go with it. */
    Turn in(Language chosen) {
        Turn turn = new Turn(catalog, chosen, input, now, urls);
        turn.events.addAll(events);
        return turn;
    }

    void report(CallEvent event) {
        events.add(event);
    }

    Reply reply(VoiceResponse twiml) {
        return new Reply(twiml, events);
    }
}
