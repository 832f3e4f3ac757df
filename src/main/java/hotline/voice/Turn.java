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
    private final List<CallEvent> events;

    Turn(Catalog catalog, Language language, CallInput input, Instant now, StepUrls urls) {
        this(catalog, language, input, now, urls, new ArrayList<>());
    }

    private Turn(Catalog catalog, Language language, CallInput input, Instant now, StepUrls urls, List<CallEvent> events) {
        this.events = events;
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

    /**
     * The same step, now in the language the caller chose. It shares this turn's events, so an event reported
     * on either is in the reply of both.
     */
    Turn in(Language chosen) {
        return new Turn(catalog, chosen, input, now, urls, events);
    }

    void report(CallEvent event) {
        events.add(event);
    }

    Reply reply(VoiceResponse twiml) {
        return new Reply(twiml, events);
    }
}
