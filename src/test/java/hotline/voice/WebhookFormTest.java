package hotline.voice;

import io.javalin.http.servlet.JavalinServletContextKt;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The signature check reads the form itself, in one pass: it must read exactly what Javalin would, or a body could
 * mean one thing to the check and another to a handler.
 */
class WebhookFormTest {
    @ParameterizedTest
    @ValueSource(strings = {"", "CallSid=CA1&From=%2B15555550100&Digits=1", "a=b=c&d=e", "a&b=", "a=1&", "&a=1", "=x",
            "name+with+spaces=value+too", "caf%C3%A9=%E2%82%AC", "Digits=&SpeechResult=hello%20there", "a=%3D%26"})
    void readsTheFormAsJavalinDoes(String body) {
        Map<String, String> javalin = new HashMap<>();
        for (Map.Entry<String, List<String>> param : JavalinServletContextKt.splitKeyValueStringAndGroupByKey(body, "UTF-8")
                .entrySet()) {
            javalin.put(param.getKey(), param.getValue().get(0));
        }
        assertEquals(javalin, TwilioSignatureCheck.form(body));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=1&a=2", "a=1&b=2&a=1", "&&"})
    void aNameGivenTwiceIsRefused(String body) {
        assertNull(TwilioSignatureCheck.form(body));
    }

    /** Javalin would leave such a parameter out; the check refuses the whole request as unreadable (never Twilio's). */
    @ParameterizedTest
    @ValueSource(strings = {"a=%", "a=%G1", "b%=1", "a=1&b=%zz"})
    void aMalformedEscapeCannotBeRead(String body) {
        assertThrows(IllegalArgumentException.class, () -> TwilioSignatureCheck.form(body));
    }
}
