package hotline.accounts;

import hotline.Slow;
import hotline.TestHotline;
import hotline.WebClient;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Someone guesses the admin's password from somewhere else, slowly or fast, to lock her out. The browser she has
 * signed in with before keeps signing her in (OWASP's device cookie); behind a trusted reverse proxy each client is
 * counted by its own address, not the proxy's; and nothing a client writes in X-Forwarded-For is believed unless
 * a trusted proxy passed it on.
 */
@Slow
public class AdminLockoutAttackTest {
    private static final String PASSWORD = TestHotline.ADMIN_PASSWORD;

    /**
     * The free guesses are refused as wrong (401), then the guesser is made to wait (429). The first wait is 2 s and
     * each one twice the last: on a machine so busy that a sign-in takes longer than a wait, the wait has passed by
     * the next guess, which is then checked (401) and starts a longer wait; a few guesses later it is longer than any
     * sign-in takes.
     */
    public static void guessUntilLockedOut(WebClient attacker, String name) {
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS_PER_NAME + 6 && !answers.contains(429); i++) {
            answers.add(attacker.signIn(name, "guess " + i).statusCode());
        }
        assertEquals(429, answers.get(answers.size() - 1), "the guesser has to wait: " + answers);
        assertTrue(answers.size() > LoginThrottle.FREE_ATTEMPTS_PER_NAME + 1, "never before the free guesses: " + answers);
        assertTrue(answers.subList(0, answers.size() - 1).stream().allMatch(status -> status == 401), answers.toString());
    }

    @Test
    void guessesFromElsewhereDoNotLockOutABrowserThatSignedInBefore() {
        try (TestHotline hotline = TestHotline.start()) {
            hotline.addAccount("maria", Role.ADMIN, PASSWORD);
            WebClient maria = hotline.browser();
            assertEquals(303, maria.signIn("maria", PASSWORD).statusCode());
            assertTrue(maria.cookie(DeviceCookies.COOKIE) != null, "her browser is now known for her account");

            guessUntilLockedOut(hotline.browser(), "maria");

            HttpResponse<String> again = maria.signIn("maria", PASSWORD);
            assertEquals(303, again.statusCode(), "her own browser signs her in: " + again.body());
            assertEquals(429, hotline.browser().signIn("maria", PASSWORD).statusCode(),
                    "a browser that never signed in as her still waits, even with the right password");
        }
    }

    @Test
    void aDeviceCookieThatIsForgedOrForAnotherAccountChangesNothing() {
        try (TestHotline hotline = TestHotline.start()) {
            hotline.addAccount("maria", Role.ADMIN, PASSWORD);
            hotline.addAccount("sam", Role.STAFF, "purple monkey dishwasher");
            WebClient sam = hotline.browser();
            assertEquals(303, sam.signIn("sam", "purple monkey dishwasher").statusCode());
            guessUntilLockedOut(sam, "maria"); // sam's own device cookie is for sam, not for maria

            WebClient forger = hotline.browser();
            String[] parts = sam.cookie(DeviceCookies.COOKIE).split("\\.");
            String mariaInBase64 = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("maria".getBytes());
            forger.setCookie(DeviceCookies.COOKIE, mariaInBase64 + "." + parts[1] + "." + parts[2] + "." + parts[3]);
            assertEquals(429, forger.signIn("maria", PASSWORD).statusCode(), "a cookie re-labelled for maria is not hers");
        }
    }

    @Test
    void aKnownBrowserIsThrottledOnItsOwn() {
        try (TestHotline hotline = TestHotline.start()) {
            hotline.addAccount("maria", Role.ADMIN, PASSWORD);
            WebClient stolenLaptop = hotline.browser();
            assertEquals(303, stolenLaptop.signIn("maria", PASSWORD).statusCode());
            guessUntilLockedOut(stolenLaptop, "maria");
            assertEquals(429, stolenLaptop.signIn("maria", PASSWORD).statusCode(), "that browser waits now");
            WebClient office = hotline.browser();
            assertEquals(401, office.signIn("maria", "another guess").statusCode(),
                    "while the name itself was not locked by that browser's guesses");
        }
    }

    @Test
    void behindATrustedProxyEachClientIsCountedByItsOwnAddress() {
        try (TestHotline hotline = TestHotline.startBehindProxy()) {
            hotline.addAccount("maria", Role.ADMIN, PASSWORD);
            WebClient attacker = hotline.browser().withHeader("X-Forwarded-For", "198.51.100.1, 203.0.113.66");
            for (int i = 0; i <= LoginThrottle.FREE_ATTEMPTS_PER_ADDRESS; i++) {
                assertEquals(401, attacker.signIn("name" + i, "guess").statusCode());
            }
            assertEquals(429, attacker.signIn("another", "guess").statusCode(), "that address waits");
            assertEquals(429, hotline.browser().withHeader("X-Forwarded-For", "203.0.113.66").signIn("x", "y").statusCode(),
                    "whatever it writes further left in the header");

            WebClient maria = hotline.browser().withHeader("X-Forwarded-For", "192.0.2.10");
            assertEquals(303, maria.signIn("maria", PASSWORD).statusCode(), "another client behind the same proxy signs in");
        }
    }

    @Test
    void withoutATrustedProxyXForwardedForIsIgnored() {
        try (TestHotline hotline = TestHotline.start()) {
            for (int i = 0; i <= LoginThrottle.FREE_ATTEMPTS_PER_ADDRESS; i++) {
                WebClient rotating = hotline.browser().withHeader("X-Forwarded-For", "203.0.113." + i);
                assertEquals(401, rotating.signIn("name" + i, "guess").statusCode());
            }
            WebClient rotating = hotline.browser().withHeader("X-Forwarded-For", "203.0.113.200");
            assertEquals(429, rotating.signIn("another", "guess").statusCode(), "a made-up address does not start afresh");
        }
    }
}
