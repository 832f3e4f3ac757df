package hotline.voice;

import hotline.web.Access;
import hotline.web.Routes;

/**
 * Every webhook path, written once. Twilio is configured with {@link #INCOMING} only; every later step of a call
 * is reached through URLs that {@link StepUrls} builds from these constants.
 */
public final class VoiceRoutes {
    public static final String PREFIX = "/voice/";
    public static final String INCOMING = "/voice/incoming";
    public static final String LANGUAGE = "/voice/language";
    public static final String MENU = "/voice/menu";
    public static final String TRANSFER_RESULT = "/voice/transfer-result";
    public static final String STATUS = "/voice/status";
    /** Twilio asks it when a transferred call is answered: what the line hears before the caller is connected. */
    public static final String WHISPER = "/voice/whisper";
    /**
     * The same document as the TwiML Bin fallback ({@link FallbackTwiml}), for setups whose voice fallback URL is a
     * second instance of the hotline elsewhere.
     */
    public static final String FALLBACK = "/voice/fallback";

    private VoiceRoutes() {
    }

    /** Every webhook is Twilio's alone: each request must carry Twilio's signature. */
    public static void mount(Routes routes, VoiceController voice) {
        routes.post(INCOMING, voice::incoming, Access.TWILIO)
                .post(LANGUAGE, voice::step, Access.TWILIO)
                .post(MENU, voice::step, Access.TWILIO)
                .post(TRANSFER_RESULT, voice::step, Access.TWILIO)
                .post(STATUS, voice::status, Access.TWILIO)
                .post(WHISPER, voice::whisper, Access.TWILIO)
                .post(FALLBACK, voice::fallback, Access.TWILIO);
    }
}
