package hotline.voice;

import com.twilio.twiml.TwiML;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Pause;
import com.twilio.twiml.voice.Play;
import com.twilio.twiml.voice.Say;

import hotline.catalog.Catalog;
import hotline.catalog.Language;
import hotline.catalog.Piece;
import hotline.catalog.PromptKey;
import hotline.catalog.RecordingSlots;
import hotline.catalog.ResourceLine;
import hotline.catalog.Template;
import hotline.catalog.TextRules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the caller hears in one step, in order. Each prompt is spoken in its language's voice, or played from
 * recordings where the language has them: the words of a text from a recording of them, digits and line names
 * from theirs. Without recordings a text is one {@code <Say>}, as written.
 */
final class Speech {
    private final Catalog catalog;
    private final StepUrls urls;
    private final List<TwiML> parts = new ArrayList<>();

    Speech(Catalog catalog, StepUrls urls) {
        this.catalog = catalog;
        this.urls = urls;
    }

    /** The values a prompt's placeholders take: the key to press, and the line it is about. */
    record Fill(String key, ResourceLine line) {
        static final Fill NONE = new Fill(null, null);

        static Fill key(String key) {
            return new Fill(key, null);
        }

        static Fill line(ResourceLine line) {
            return new Fill(null, line);
        }
    }

    Speech say(Language language, PromptKey key) {
        return say(language, key, Fill.NONE);
    }

    Speech say(Language language, PromptKey key, Fill fill) {
        speak(language, key, 0, catalog.prompts(language).template(key), fill);
        return this;
    }

    /** A topic: each segment, with a pause after it. */
    Speech topic(Language language, PromptKey key) {
        List<Template> segments = catalog.prompts(language).segments(key);
        for (int i = 0; i < segments.size(); i++) {
            speak(language, key, i, segments.get(i), Fill.NONE);
            pause();
        }
        return this;
    }

    /** A line's note (such as an office address), if it has one in this language. */
    Speech note(Language language, ResourceLine line) {
        line.note(language.code()).ifPresent(note -> {
            Optional<String> recording = catalog.recording(language, RecordingSlots.lineNote(line.id()));
            if (recording.isPresent()) {
                play(recording.get());
            } else {
                say(language, note);
            }
        });
        return this;
    }

    Speech pause() {
        parts.add(new Pause.Builder().length(1).build());
        return this;
    }

    /** The pieces of one text: recorded pieces played, the rest gathered into one {@code <Say>}. */
    private void speak(Language language, PromptKey key, int segment, Template template, Fill fill) {
        StringBuilder text = new StringBuilder();
        int words = 0;
        for (Piece piece : template.pieces()) {
            if (piece instanceof Piece.Words w) {
                Optional<String> recording = catalog.recording(language, RecordingSlots.words(key, segment, words++));
                if (recording.isPresent() && !w.text().isBlank()) {
                    flush(language, text);
                    play(recording.get());
                } else {
                    text.append(w.text());
                }
            } else if (piece instanceof Piece.Key) {
                digits(language, fill.key(), text);
            } else if (piece instanceof Piece.Name name) {
                ResourceLine line = name.line().flatMap(catalog::line).orElse(fill.line());
                Optional<String> recording = catalog.recording(language, RecordingSlots.lineName(line.id()));
                if (recording.isPresent()) {
                    flush(language, text);
                    play(recording.get());
                } else {
                    text.append(line.name(language.code()));
                }
            } else {
                ResourceLine line = ((Piece.Number) piece).line().flatMap(catalog::line).orElse(fill.line());
                digits(language, line.number().spokenDigits(), text);
            }
        }
        flush(language, text);
    }

    /** Digits, from their recordings when the language has them all, else as text ("8 8 8, 3 7 3"). */
    private void digits(Language language, String spoken, StringBuilder text) {
        List<String> recordings = new ArrayList<>();
        for (char c : spoken.toCharArray()) {
            if (Character.isDigit(c)) {
                catalog.recording(language, RecordingSlots.digit(c)).ifPresent(recordings::add);
            }
        }
        long digitCount = spoken.chars().filter(Character::isDigit).count();
        if (recordings.size() == digitCount && digitCount > 0) {
            flush(language, text);
            recordings.forEach(this::play);
        } else {
            text.append(spoken);
        }
    }

    private void flush(Language language, StringBuilder text) {
        String said = text.toString().strip();
        text.setLength(0);
        if (RecordingSlots.sayable(said)) { // punctuation left between two recordings has nothing to say
            say(language, said);
        }
    }

    private void say(Language language, String text) {
        if (language.hasVoice()) {
            // Publish refuses what TwiML cannot carry; content published before that rule may still hold some.
            parts.add(new Say.Builder(TextRules.cleaned(text))
                    .option("language", language.twilioLanguage().orElseThrow())
                    .option("voice", language.voice().orElseThrow())
                    .build());
        }
    }

    private void play(String file) {
        parts.add(new Play.Builder(urls.audio(file)).build());
    }

    /** Spoken inside a {@code <Gather>}, where any key press interrupts it. */
    void addTo(Gather.Builder gather) {
        for (TwiML part : parts) {
            if (part instanceof Say say) {
                gather.say(say);
            } else if (part instanceof Play play) {
                gather.play(play);
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
            } else if (part instanceof Play play) {
                response.play(play);
            } else {
                response.pause((Pause) part);
            }
        }
    }
}
