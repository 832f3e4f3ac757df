package hotline.twilio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.FormParameter;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import hotline.TestTls;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A stand-in of Twilio's REST API for an account's IncomingPhoneNumbers, speaking the JSON of Twilio's documentation
 * (https://www.twilio.com/docs/phone-numbers/api/incomingphonenumber-resource): the list (read), filtered by
 * {@code PhoneNumber} as part of a number like Twilio does, and the update, which changes the number so that a later
 * read sees it. Requests without this account's credentials get Twilio's error 20003 with HTTP 401.
 *
 * <p>Its https port stands for the hotline's public address, for {@code /healthz}.
 */
final class TwilioStandIn implements AutoCloseable {
    static final String ACCOUNT_SID = "AC" + "a1b2c3d4".repeat(4);
    static final String AUTH_TOKEN = "7e57a0c7e57a0c7e57a0c7e57a0c7e57";
    static final String API_KEY = "SK" + "0f1e2d3c".repeat(4);
    static final String API_SECRET = "stand-in-api-secret";
    static final String ACCOUNT_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DATE = "Thu, 30 Jul 2015 23:19:04 +0000";
    /** Update parameters (the SDK's names) and the fields of the resource they set. */
    private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("VoiceUrl", "voice_url"),
            Map.entry("VoiceMethod", "voice_method"), Map.entry("VoiceFallbackUrl", "voice_fallback_url"),
            Map.entry("VoiceFallbackMethod", "voice_fallback_method"), Map.entry("StatusCallback", "status_callback"),
            Map.entry("StatusCallbackMethod", "status_callback_method"),
            Map.entry("VoiceApplicationSid", "voice_application_sid"),
            Map.entry("VoiceCallerIdLookup", "voice_caller_id_lookup"), Map.entry("VoiceReceiveMode", "voice_receive_mode"),
            Map.entry("TrunkSid", "trunk_sid"), Map.entry("FriendlyName", "friendly_name"));

    private final Map<String, Map<String, Object>> numbers = new LinkedHashMap<>();
    final WireMockServer server;

    TwilioStandIn(TestTls tls) {
        server = new WireMockServer(options().bindAddress("127.0.0.1").port(0).httpsPort(0)
                .keystorePath(tls.keystore.toString()).keystoreType("PKCS12")
                .keystorePassword(TestTls.KEYSTORE_PASSWORD).keyManagerPassword(TestTls.KEYSTORE_PASSWORD)
                .extensions(new Numbers()));
        server.start();
        stubs();
    }

    private void stubs() {
        server.resetAll();
        server.stubFor(any(urlPathMatching("/2010-04-01/.*")).atPriority(10).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"code\": 20003, \"message\": \"Authenticate\", "
                        + "\"more_info\": \"https://www.twilio.com/docs/errors/20003\", \"status\": 401}")));
        for (String[] credentials : new String[][] {{ACCOUNT_SID, AUTH_TOKEN}, {API_KEY, API_SECRET}}) {
            server.stubFor(any(urlPathMatching(ACCOUNT_PATH + "/IncomingPhoneNumbers(/PN[0-9a-f]{32})?\\.json"))
                    .withBasicAuth(credentials[0], credentials[1]).atPriority(1)
                    .willReturn(aResponse().withTransformers(Numbers.NAME)));
        }
    }

    /** Forgets every number, request and stub but the API's own. */
    void reset() {
        synchronized (numbers) {
            numbers.clear();
        }
        stubs();
    }

    String apiBase() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The https address of the stand-in, where tests answer {@code /healthz} as the hotline would. */
    String httpsBase() {
        return "https://127.0.0.1:" + server.httpsPort();
    }

    void hotlineAnswers(int status, String body) {
        server.stubFor(get(urlPathEqualTo("/healthz")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    void hotlineHealthy() {
        hotlineAnswers(200, "{\"status\":\"ok\",\"catalogVersion\":\"v3\",\"events\":{\"queued\":0,\"written\":0,"
                + "\"dropped\":0,\"lastProblem\":\"\"}}");
    }

    /** A number as Twilio lists a new one: no URLs, POST methods, voice calls. Change it with {@link #set}. */
    Map<String, Object> add(String e164, String sid) {
        Map<String, Object> number = new LinkedHashMap<>();
        number.put("account_sid", ACCOUNT_SID);
        number.put("address_requirements", "none");
        number.put("address_sid", null);
        number.put("api_version", "2010-04-01");
        number.put("beta", false);
        number.put("capabilities", Map.of("voice", true, "sms", true, "mms", true, "fax", false));
        number.put("date_created", DATE);
        number.put("date_updated", DATE);
        number.put("emergency_status", "Inactive");
        number.put("emergency_address_sid", null);
        number.put("emergency_address_status", "unregistered");
        number.put("friendly_name", "(" + e164.substring(2, 5) + ") " + e164.substring(5, 8) + "-" + e164.substring(8));
        number.put("identity_sid", null);
        number.put("origin", "twilio");
        number.put("phone_number", e164);
        number.put("sid", sid);
        number.put("sms_application_sid", "");
        number.put("sms_fallback_method", "POST");
        number.put("sms_fallback_url", "");
        number.put("sms_method", "POST");
        number.put("sms_url", "");
        number.put("status_callback", "");
        number.put("status_callback_method", "POST");
        number.put("trunk_sid", null);
        number.put("uri", ACCOUNT_PATH + "/IncomingPhoneNumbers/" + sid + ".json");
        number.put("voice_receive_mode", "voice");
        number.put("voice_application_sid", "");
        number.put("voice_caller_id_lookup", false);
        number.put("voice_fallback_method", "POST");
        number.put("voice_fallback_url", null);
        number.put("voice_method", "POST");
        number.put("voice_url", "");
        number.put("bundle_sid", null);
        number.put("status", "in-use");
        number.put("subresource_uris", Map.of("assigned_add_ons", ACCOUNT_PATH + "/IncomingPhoneNumbers/" + sid + "/AssignedAddOns.json"));
        synchronized (numbers) {
            numbers.put(sid, number);
        }
        return number;
    }

    /** Sets fields of a number as Twilio would report them, such as {@code voice_method=GET}. */
    void set(String sid, Map<String, Object> fields) {
        synchronized (numbers) {
            numbers.get(sid).putAll(fields);
        }
    }

    Map<String, Object> number(String sid) {
        synchronized (numbers) {
            return new LinkedHashMap<>(numbers.get(sid));
        }
    }

    /** The updates made, as Twilio received them. */
    List<LoggedRequest> updates() {
        return server.findAll(postRequestedFor(urlPathMatching(ACCOUNT_PATH + "/IncomingPhoneNumbers/.*")));
    }

    @Override
    public void close() {
        server.stop();
    }

    /**
     * Runs the stand-in on its own, to try {@code scripts/hotline twilio} by hand: prints the variables to set, with
     * one number, +13235550100, as Twilio lists a new one. Stop it with Ctrl-C.
     */
    public static void main(String[] args) throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("twilio-stand-in");
        TwilioStandIn standIn = new TwilioStandIn(TestTls.createIn(dir));
        standIn.add("+13235550100", "PN" + "0123456789abcdef".repeat(2));
        standIn.hotlineHealthy();
        System.out.println("export TWILIO_API_BASE_URL=" + standIn.apiBase() + " TWILIO_ACCOUNT_SID=" + ACCOUNT_SID
                + " TWILIO_AUTH_TOKEN=" + AUTH_TOKEN + "\n# /healthz as the hotline answers it: " + standIn.httpsBase()
                + " (certificate " + dir.resolve("cert.pem") + ")");
        Thread.currentThread().join();
    }

    /** Answers reads and updates from the numbers above. */
    private final class Numbers implements ResponseTransformerV2 {
        static final String NAME = "twilio-incoming-phone-numbers";

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public Response transform(Response response, ServeEvent event) {
            LoggedRequest request = event.getRequest();
            String path = request.getUrl().split("\\?", 2)[0];
            synchronized (numbers) {
                if (path.endsWith("/IncomingPhoneNumbers.json")) {
                    return json(response, 200, list(request, path));
                }
                String sid = path.substring(path.lastIndexOf('/') + 1, path.length() - ".json".length());
                Map<String, Object> number = numbers.get(sid);
                if (number == null) {
                    return json(response, 404, Map.of("code", 20404, "message", "The requested resource " + path
                            + " was not found", "more_info", "https://www.twilio.com/docs/errors/20404", "status", 404));
                }
                if (request.getMethod().getName().equals("GET")) {
                    return json(response, 200, number);
                }
                for (Map.Entry<String, FormParameter> param : request.formParameters().entrySet()) {
                    String field = FIELDS.get(param.getKey());
                    if (field == null) {
                        return json(response, 400, Map.of("code", 20001, "message", "Unknown parameter " + param.getKey(),
                                "more_info", "https://www.twilio.com/docs/errors/20001", "status", 400));
                    }
                    String value = param.getValue().firstValue();
                    number.put(field, field.equals("voice_caller_id_lookup") ? (Object) Boolean.parseBoolean(value) : value);
                }
                number.put("date_updated", "Fri, 31 Jul 2015 08:00:00 +0000");
                return json(response, 200, number);
            }
        }

        private Map<String, Object> list(LoggedRequest request, String path) {
            QueryParameter filter = request.queryParameter("PhoneNumber");
            QueryParameter size = request.queryParameter("PageSize");
            int pageSize = size.isPresent() ? Integer.parseInt(size.firstValue()) : 50;
            List<Map<String, Object>> matching = new ArrayList<>();
            for (Map<String, Object> number : numbers.values()) {
                if (!filter.isPresent() || String.valueOf(number.get("phone_number")).contains(filter.firstValue())) {
                    matching.add(number);
                }
            }
            List<Map<String, Object>> page = matching.subList(0, Math.min(pageSize, matching.size()));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("end", Math.max(page.size() - 1, 0));
            body.put("first_page_uri", path + "?PageSize=" + pageSize + "&Page=0");
            body.put("incoming_phone_numbers", page);
            body.put("next_page_uri", null);
            body.put("page", 0);
            body.put("page_size", pageSize);
            body.put("previous_page_uri", null);
            body.put("start", 0);
            body.put("uri", path + "?PageSize=" + pageSize + "&Page=0");
            return body;
        }

        private Response json(Response response, int status, Map<String, Object> body) {
            try {
                return Response.Builder.like(response).but().status(status)
                        .headers(new HttpHeaders(new HttpHeader("Content-Type", "application/json; charset=utf-8")))
                        .body(JSON.writeValueAsString(body)).build();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
