package hotline.voice;

import com.twilio.twiml.VoiceResponse;

import hotline.metrics.CallEvent;

import java.util.List;

/** What the call flow answers one webhook with: the TwiML to speak, and what happened, for the metrics. */
public record Reply(VoiceResponse twiml, List<CallEvent> events) {
    public Reply {
        events = List.copyOf(events);
    }
}
