package hotline.web;

import hotline.config.TrustedProxies;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Whose address a request is counted under, with and without trusted proxies in front. */
class ClientAddressTest {
    private static final TrustedProxies PROXIES = TrustedProxies.parse("127.0.0.1, 10.0.0.0/8, ::1");

    @ParameterizedTest(name = "{0} says {1}")
    @CsvSource(delimiter = '|', value = {
            "203.0.113.9 | 198.51.100.1       | 203.0.113.9",   // not a proxy of ours: the header is ignored
            "127.0.0.1   | ''                 | 127.0.0.1",     // our proxy, but it says nothing
            "127.0.0.1   | 198.51.100.1       | 198.51.100.1",
            "127.0.0.1   | 6.6.6.6, 198.51.100.1 | 198.51.100.1",  // the client wrote 6.6.6.6; our proxy appended the truth
            "127.0.0.1   | 198.51.100.1, 10.1.2.3 | 198.51.100.1", // two proxies of ours
            "127.0.0.1   | not-an-address     | 127.0.0.1",
            "127.0.0.1   | 198.51.100.1:5123  | 198.51.100.1",
            "::1         | [2001:db8::7]:443  | 2001:db8:0:0:0:0:0:7",
            "127.0.0.1   | 10.9.9.9           | 10.9.9.9"})      // only proxies all the way: the last one named
    void theFirstAddressFromTheRightThatIsNotOurProxyIsTheClient(String remote, String header, String client) {
        assertEquals(client, ClientAddress.of(remote, header.isEmpty() ? List.of() : List.of(header), PROXIES));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"127.0.0.1", "203.0.113.9"})
    void withoutTrustedProxiesTheHeaderIsNeverRead(String remote) {
        assertEquals(remote, ClientAddress.of(remote, List.of("198.51.100.1"), TrustedProxies.NONE));
    }
}
