package hotline.accounts;

import hotline.TestHotline;
import hotline.simulator.TwilioSigner;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sign-in form's token guards against a sign-in forged from another site (login CSRF): the form's token must
 * match its cookie. An empty cookie and an empty token "match" too; they must not open a session.
 */
class EmptyLoginTokenAttackTest {
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

    @ParameterizedTest(name = "cookie \"{0}\", token \"{1}\"")
    @CsvSource(value = {"'', ''", "'', ' '", "' ', ' '", "NONE, ''", "'', NONE"}, nullValues = "NONE")
    void emptyTokensOpenNoSession(String cookie, String token) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        if (token != null) {
            form.put("login_token", token);
        }
        form.put("name", "maria");
        form.put("password", TestHotline.ADMIN_PASSWORD);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hotline.serverUrl() + AccountRoutes.LOGIN))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(TwilioSigner.formBody(form)));
        if (cookie != null) {
            request.header("Cookie", LoginController.LOGIN_COOKIE + "=" + cookie);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, response.statusCode(), "no sign-in without a real form token");
        assertTrue(response.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith(AccessControl.SESSION_COOKIE + "=")
                && !c.startsWith(AccessControl.SESSION_COOKIE + "=;")), "no session cookie");
        assertTrue(response.body().contains("This sign-in form had expired"), response.body());
    }
}
