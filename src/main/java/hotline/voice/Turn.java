package hotline.voice;

import com.twilio.twiml.VoiceResponse;

import hotline.catalog.Catalog;
import hotline.catalog.Language;
import hotline.catalog.PromptKey;
import hotline.catalog.Prompts;
import hotline.catalog.ResourceLine;
import hotline.metrics.CallEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One step of one call: the catalog it is answered from, the caller's language, their input and the time;
 * and, as the step is answered, the events that happened in it.
 */
final class Turn {
    private final Catalog catalog;
    private final Language language;
    private final CallInput input;
    private final Instant now;
    private final List<CallEvent> events = new ArrayList<>();

    Turn(Catalog catalog, Language language, CallInput input, Instant now) {
        this.catalog = catalog;
        this.language = language;
        this.input = input;
        this.now = now;
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

    Prompts prompts() {
        return catalog.prompts(language);
    }

    String text(PromptKey key) {
        return prompts().text(key);
    }

    /** A text about a line, with its name in the caller's language and its number to be heard. */
    String aboutLine(PromptKey key, ResourceLine line) {
        return prompts().render(key, Map.of("name", line.name(language.code()), "number", line.number().spokenDigits()));
    }

    Speech say(PromptKey key) {
        return new Speech().say(language, text(key));
    }

    /** The same step, now in the language the caller chose; the events so far go with it. */
    Turn in(Language chosen) {
        Turn turn = new Turn(catalog, chosen, input, now);
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
