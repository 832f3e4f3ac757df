package hotline.voice;

import com.twilio.twiml.TwiML;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Pause;
import com.twilio.twiml.voice.Say;

import hotline.catalog.Language;

import java.util.ArrayList;
import java.util.List;

/** What the caller hears in one step, in order: each text in its language's voice, with pauses between segments. */
final class Speech {
    private final List<TwiML> parts = new ArrayList<>();

    Speech say(Language language, String text) {
        parts.add(new Say.Builder(text)
                .option("language", language.twilioLanguage())
                .option("voice", language.voice())
                .build());
        return this;
    }

    Speech pause() {
        parts.add(new Pause.Builder().length(1).build());
        return this;
    }

    /** Spoken inside a {@code <Gather>}, where any key press interrupts it. */
    void addTo(Gather.Builder gather) {
        for (TwiML part : parts) {
            if (part instanceof Say say) {
                gather.say(say);
            } else {
                gather.pause((Pause) part);
            }
        }
    }

    /** Spoken as plain verbs of the response, where key presses are ignored. */
    void addTo(VoiceResponse.Builder response) {
        for (TwiML part : parts) {
            if (part instanceof Say say) {
                response.say(say);
            } else {
                response.pause((Pause) part);
            }
        }
    }

    List<TwiML> parts() {
        return List.copyOf(parts);
    }
}
