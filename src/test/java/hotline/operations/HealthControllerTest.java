package hotline.operations;

import hotline.TestHotline;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HealthControllerTest {
    @Test
    void healthNeedsNoSignatureAndNamesTheContentVersion() {
        try (TestHotline hotline = TestHotline.start()) {
            HttpResponse<String> response = hotline.get("/healthz");
            assertEquals(200, response.statusCode());
            assertTrue(response.body().matches("\\{\"status\":\"ok\",\"catalogVersion\":\"v1\",\"events\":\\{\"queued\":0,\"written\":0,\"dropped\":0,\"lastProblem\":\"\"}}"), response.body());
        }
    }
}
