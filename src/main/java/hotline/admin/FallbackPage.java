package hotline.admin;

import hotline.content.FallbackStatus;
import hotline.catalog.Language;
import hotline.voice.FallbackTwiml;
import hotline.web.Frame;

import java.util.List;

/** The fallback to copy into the TwiML Bin, what it says, and whether the Bin holds it already. */
public record FallbackPage(Frame frame, String liveVersion, FallbackTwiml fallback, FallbackStatus.Status status) {
    public List<String> spokenNames() {
        return fallback.spoken().stream().map(Language::name).toList();
    }

    public List<String> skippedNames() {
        return fallback.skipped().stream().map(Language::name).toList();
    }
}
