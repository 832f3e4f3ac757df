package hotline.accounts;

import hotline.TestHotline;
import hotline.WebClient;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Forty wrong passwords for one account, sent all at once: each attempt is counted before its password is checked,
 * so no more get checked than the free ones (and the one that starts the wait); the rest wait, however they
 * interleave.
 */
class ParallelPasswordGuessAttackTest {
    private static final int GUESSES = 40;
    private static TestHotline hotline;

    @BeforeAll
    static void start() {
        hotline = TestHotline.start();
        hotline.addAccount("maria", Role.ADMIN, TestHotline.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() {
        hotline.close();
    }

    @Test
    void parallelGuessesCannotSlipPastTheLimit() throws Exception {
        List<WebClient> attackers = new ArrayList<>();
        for (int i = 0; i < GUESSES; i++) {
            WebClient attacker = hotline.browser();
            attacker.get(AccountRoutes.LOGIN); // each with its own sign-in form, as a script would fetch them
            attackers.add(attacker);
        }
        ExecutorService pool = Executors.newFixedThreadPool(GUESSES);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < GUESSES; i++) {
                WebClient attacker = attackers.get(i);
                String guess = "wrong guess number " + i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return attacker.submit(AccountRoutes.LOGIN, Map.of("name", "maria", "password", guess)).statusCode();
                }));
            }
            go.countDown();
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Future<Integer> answer : answers) {
                statuses.merge(answer.get(5, TimeUnit.MINUTES), 1, Integer::sum); // a bound that only catches a hang
            }
            int checked = statuses.getOrDefault(401, 0);
            assertTrue(checked <= LoginThrottle.FREE_ATTEMPTS_PER_NAME + 1, "passwords checked: " + statuses);
            assertEquals(GUESSES, checked + statuses.getOrDefault(429, 0) + statuses.getOrDefault(503, 0),
                    "every other guess waits (429) or is turned away while the hotline is busy (503): " + statuses);
            assertTrue(statuses.getOrDefault(429, 0) > 0, "some had to wait: " + statuses);
        } finally {
            pool.shutdownNow();
        }
    }
}
