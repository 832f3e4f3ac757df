package hotline.voice;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Number;

import hotline.catalog.Catalog;
import hotline.catalog.Language;
import hotline.catalog.PromptKey;
import hotline.catalog.ResourceLine;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What callers hear when this server cannot answer: made from the published content, so that it can be pasted into
 * a TwiML Bin, which Twilio hosts and serves as the number's voice fallback URL while this server is down.
 *
 * <p>In every offered language that has a voice, in that voice: the apology ({@code error.apology}), then the notice
 * that the caller is being connected to a 24-hour hotline with interpreters ({@code language_menu.interpreter}); then
 * a {@code <Dial>} to the catalog's 24-hour hotline; if that call cannot be made or ends, its number to call, in each
 * language again. Nothing in it calls back to this server: no {@code <Gather>}, no action or whisper URL, and no
 * recording (recordings are served by this server, so a language heard from recordings only is left out, and the
 * document says so in a comment).
 *
 * <p>The caller ID of the transfer is {@value #CALLED_NUMBER}: TwiML Bins are templates in which {@code {{Name}}} is
 * replaced by the request parameter of that name ("Use Handlebars templates for dynamic responses",
 * https://www.twilio.com/docs/serverless/twiml-bins, whose example says {@code Hello, {{From}}}; and "placeholders
 * for any of the HTTP parameters passed-in by Twilio's webhook request ... {{From}}",
 * https://www.twilio.com/blog/2016/10/introducing-templates-for-twiml-bins.html). A voice webhook's {@code To} is the
 * number the caller dialed, which is ours, so the line sees the hotline's number, never the caller's. When this server
 * answers the same document itself ({@code POST /voice/fallback}), {@link #forCall} fills it in from the request.
 */
public final class FallbackTwiml {
    /** Filled in by Twilio in a TwiML Bin with the number that was called: ours. */
    public static final String CALLED_NUMBER = "{{To}}";
    /** Sent where nothing in our own TwiML could be a URL; never used, since no recording is played. */
    private static final StepUrls NO_URLS = new StepUrls(URI.create("https://recordings.are.not.used.invalid"));

    private final String document;
    private final String fingerprint;
    private final List<Language> spoken;
    private final List<Language> skipped;

    private FallbackTwiml(String document, String fingerprint, List<Language> spoken, List<Language> skipped) {
        this.document = document;
        this.fingerprint = fingerprint;
        this.spoken = spoken;
        this.skipped = skipped;
    }

    public static FallbackTwiml of(Catalog published) {
        Catalog catalog = published.withoutRecordings();
        ResourceLine hotline = catalog.hotline();
        List<Language> spoken = catalog.languages().stream().filter(Language::hasVoice).toList();
        List<Language> skipped = catalog.languages().stream().filter(l -> !l.hasVoice()).toList();
        Language defaultLanguage = catalog.defaultLanguageEntry();

        Writer body = new Writer();
        for (Language language : skipped) {
            body.comment(language.name() + " (" + language.code() + ") is heard from recordings only, which this server "
                    + "serves; it has no voice here.");
        }
        for (Language language : spoken) {
            body.comment(language.name() + " (" + language.code() + ")");
            body.verbs(new Speech(catalog, NO_URLS).say(language, PromptKey.ERROR_APOLOGY)
                    .say(language, PromptKey.LANGUAGE_INTERPRETER));
        }
        body.comment("The 24-hour line: " + hotline.name(defaultLanguage.code()) + ". The caller ID is the number "
                + "the caller dialed (ours, filled in by Twilio), never the caller's.");
        Dial dial = new Dial.Builder()
                .number(new Number.Builder(hotline.number().e164()).build())
                .timeout(catalog.dialTimeoutSeconds())
                .answerOnBridge(true)
                .callerId(CALLED_NUMBER)
                .build();
        body.verbs(new VoiceResponse.Builder().dial(dial).build());
        body.comment("If the line could not be reached, or after the call: its number, to call again.");
        for (Language language : spoken) {
            body.verbs(new Speech(catalog, NO_URLS).say(language, PromptKey.TRANSFER_CALL_LATER, Speech.Fill.line(hotline)));
        }
        body.verbs(new VoiceResponse.Builder().hangup(new Hangup.Builder().build()).build());

        String fingerprint = sha256(body.toString()).substring(0, 12);
        Writer whole = new Writer();
        whole.comment("Hotline fallback " + fingerprint + ": what callers hear when the hotline's server cannot answer. "
                + "Made from the published content by scripts/hotline fallback-twiml; paste all of it into the TwiML Bin "
                + "that is the number's voice fallback URL.");
        return new FallbackTwiml(whole.document(body), fingerprint, spoken, skipped);
    }

    /** The document for a TwiML Bin, with {@value #CALLED_NUMBER} for Twilio to fill in. */
    public String template() {
        return document;
    }

    /** Names this document: it changes exactly when the document does, so it tells whether a Bin needs pasting again. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The languages whose notice is in the document, in menu order. */
    public List<Language> spoken() {
        return spoken;
    }

    /** Offered languages left out because they have no voice, only recordings. */
    public List<Language> skipped() {
        return skipped;
    }

    /**
     * The document as this server answers it: the caller ID filled in with the number that was called (a checked
     * E.164 number), or no caller ID at all when the request did not say, so that Twilio uses its default.
     */
    public String forCall(Optional<String> calledNumber) {
        String attribute = "callerId=\"" + CALLED_NUMBER + "\"";
        return calledNumber.filter(number -> number.matches("\\+[1-9][0-9]{6,14}"))
                .map(number -> document.replace(attribute, "callerId=\"" + number + "\""))
                .orElseGet(() -> document.replace(" " + attribute, ""));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * Writes TwiML one verb a line, indented, with comments, to be read and pasted by a person. Its own writer,
     * rather than the JDK's transformer, so that the same content always gives the same bytes, and so the same
     * fingerprint, whatever the JDK.
     */
    private static final class Writer {
        private final StringBuilder out = new StringBuilder();

        void comment(String text) {
            // "--" may not appear in an XML comment, and braces would be read as a template by a TwiML Bin.
            String safe = text.replace("--", "- -").replace("{", "(").replace("}", ")").strip();
            out.append("  <!-- ").append(safe).append(safe.endsWith("-") ? " " : "").append(" -->\n");
        }

        void verbs(Speech speech) {
            VoiceResponse.Builder response = new VoiceResponse.Builder();
            speech.addTo(response);
            verbs(response.build());
        }

        void verbs(VoiceResponse response) {
            for (Element verb : TwimlParser.children(TwimlParser.parse(response.toXml()).getDocumentElement())) {
                element(verb, "  ");
            }
        }

        private void element(Element element, String indent) {
            out.append(indent).append('<').append(element.getTagName());
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                out.append(' ').append(attribute.getName()).append("=\"").append(escape(attribute.getValue(), true)).append('"');
            }
            List<Element> children = TwimlParser.children(element);
            if (!children.isEmpty()) {
                out.append(">\n");
                for (Element child : children) {
                    element(child, indent + "  ");
                }
                out.append(indent).append("</").append(element.getTagName()).append(">\n");
            } else if (element.getTextContent().isEmpty()) {
                out.append("/>\n");
            } else {
                String text = element.getTextContent();
                if (element.getTagName().equals("Say")) {
                    // A TwiML Bin would read "{{" as a template; no text of ours needs braces.
                    text = text.replace("{", "").replace("}", "");
                }
                out.append('>').append(escape(text, false)).append("</").append(element.getTagName()).append(">\n");
            }
        }

        private static String escape(String text, boolean attribute) {
            StringBuilder escaped = new StringBuilder(text.length());
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '&' -> escaped.append("&amp;");
                    case '<' -> escaped.append("&lt;");
                    case '>' -> escaped.append("&gt;");
                    case '"' -> escaped.append(attribute ? "&quot;" : "\"");
                    default -> escaped.append(c);
                }
            }
            return escaped.toString();
        }

        /** The whole document: this writer's lines (a header, say) first, then {@code body}'s. */
        String document(Writer body) {
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response>\n" + out + body.out + "</Response>\n";
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
