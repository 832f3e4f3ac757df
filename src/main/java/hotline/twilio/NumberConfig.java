package hotline.twilio;

import com.twilio.http.HttpMethod;
import com.twilio.rest.api.v2010.account.IncomingPhoneNumber;

import java.net.URI;

/**
 * How a Twilio number handles calls, as Twilio reports it. Empty strings stand for settings that are not set.
 *
 * @param voiceApplicationSid a TwiML app that handles the number's calls instead of its own URLs
 * @param trunkSid            a SIP trunk that takes the number's calls instead of its URLs
 * @param callerNameLookup    whether Twilio looks up each caller's name (CNAM) and sends it with the webhook
 */
record NumberConfig(String sid, String phoneNumber, String voiceUrl, String voiceMethod, String statusCallback,
                    String statusCallbackMethod, String fallbackUrl, String fallbackMethod, String voiceApplicationSid,
                    String trunkSid, String receiveMode, boolean callerNameLookup) {

    static NumberConfig of(IncomingPhoneNumber number) {
        return new NumberConfig(text(number.getSid()), number.getPhoneNumber() == null ? "" : number.getPhoneNumber().toString(),
                url(number.getVoiceUrl()), method(number.getVoiceMethod()), url(number.getStatusCallback()),
                method(number.getStatusCallbackMethod()), url(number.getVoiceFallbackUrl()),
                method(number.getVoiceFallbackMethod()), text(number.getVoiceApplicationSid()), text(number.getTrunkSid()),
                number.getVoiceReceiveMode() == null ? "" : number.getVoiceReceiveMode().toString(),
                Boolean.TRUE.equals(number.getVoiceCallerIdLookup()));
    }

    private static String url(URI uri) {
        return uri == null ? "" : uri.toString().trim();
    }

    private static String method(HttpMethod method) {
        return method == null ? "" : method.toString();
    }

    private static String text(String value) {
        return value == null ? "" : value.trim();
    }
}
