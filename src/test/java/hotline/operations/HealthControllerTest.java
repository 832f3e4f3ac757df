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
            assertEquals("{\"status\":\"ok\",\"catalogVersion\":\"v1\"}", response.body());
            HttpResponse<String> operator = hotline.getAsOperator("/healthz");
            assertTrue(operator.body().matches("\\{\"status\":\"ok\",\"catalogVersion\":\"v1\",\"database\":\"ok\",\"events\":"
                    + "\\{\"queued\":0,\"written\":0,\"dropped\":0,\"lastProblem\":\"\"}}"), operator.body());
        }
    }
}
