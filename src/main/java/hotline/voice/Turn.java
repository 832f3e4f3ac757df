package hotline.voice;

import hotline.catalog.Catalog;
import hotline.catalog.Language;
import hotline.catalog.PromptKey;
import hotline.catalog.Prompts;
import hotline.catalog.ResourceLine;

import java.time.Instant;
import java.util.Map;

/** One step of one call: the catalog it is answered from, the caller's language, their input, and the time. */
record Turn(Catalog catalog, Language language, CallInput input, Instant now) {

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
}
