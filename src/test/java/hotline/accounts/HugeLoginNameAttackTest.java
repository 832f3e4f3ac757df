package hotline.accounts;

import hotline.TestHotline;
import hotline.WebClient;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sign-ins with enormous, ever different account names, to fill the memory the throttle keeps about failures:
 * what it keeps stays small (names are counted by their first characters, entries are forgotten, there is a
 * ceiling), and the hotline keeps signing people in.
 */
class HugeLoginNameAttackTest {
    private static final int NAME_LENGTH = 10_000;

    private static String hugeName(int i) {
        return ("attacker" + i + "-").repeat(NAME_LENGTH / 10).substring(0, NAME_LENGTH);
    }

    @Test
    void whatTheThrottleKeepsIsBoundedAndForgotten() {
        AtomicLong now = new AtomicLong();
        LoginThrottle throttle = new LoginThrottle(now::get);
        for (int i = 0; i < 3 * LoginThrottle.MOST_ENTRIES; i++) {
            String address = "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255); // a botnet: every one new
            throttle.begin(new LoginThrottle.Attempt(hugeName(i), address, Optional.empty()));
        }
        assertTrue(throttle.size() <= LoginThrottle.MOST_ENTRIES, "entries: " + throttle.size());
        assertTrue(throttle.retainedCharacters() <= (long) LoginThrottle.MOST_ENTRIES * (LoginThrottle.LONGEST_NAME + 16),
                "characters kept: " + throttle.retainedCharacters());
        LoginThrottle.Attempt guess = new LoginThrottle.Attempt("maria", "192.0.2.55", Optional.empty());
        for (int i = 0; i <= LoginThrottle.FREE_ATTEMPTS_PER_NAME; i++) {
            assertTrue(throttle.begin(guess).allowed());
        }
        assertTrue(throttle.begin(guess).mustWait().isPresent(), "full as it is, the throttle still throttles");

        now.addAndGet(LoginThrottle.FORGOTTEN_AFTER.plus(LoginThrottle.LONGEST_WAIT).toNanos() + 1);
        throttle.begin(new LoginThrottle.Attempt("someone", "192.0.2.1", Optional.empty()));
        assertEquals(2, throttle.size(), "only the last attempt's name and address are remembered");
    }

    @Test
    void aFloodOfHugeNamesOverHttpLeavesSignInWorking() throws Exception {
        try (TestHotline hotline = TestHotline.start()) {
            hotline.addAccount("maria", Role.ADMIN, TestHotline.ADMIN_PASSWORD);
            WebClient maria = hotline.browser();
            assertEquals(303, maria.signIn("maria", TestHotline.ADMIN_PASSWORD).statusCode());

            ExecutorService pool = Executors.newFixedThreadPool(70);
            List<Future<Integer>> answers = new ArrayList<>();
            try {
                for (int i = 0; i < 70; i++) {
                    String name = hugeName(i).repeat(20); // 200,000 characters
                    answers.add(pool.submit(() -> hotline.browser().signIn(name, "guess").statusCode()));
                }
                for (Future<Integer> answer : answers) {
                    int status = answer.get(5, TimeUnit.MINUTES); // a bound that only catches a hang
                    assertTrue(status == 401 || status == 413 || status == 429 || status == 503, "status " + status);
                }
            } finally {
                pool.shutdownNow();
            }
            maria.get(AccountRoutes.LOGIN);
            assertEquals(303, maria.submit(AccountRoutes.LOGIN, Map.of("name", "maria", "password", TestHotline.ADMIN_PASSWORD))
                    .statusCode(), "her browser still signs her in");
        }
    }
}
