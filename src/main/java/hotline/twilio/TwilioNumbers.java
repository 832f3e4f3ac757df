package hotline.twilio;

import com.twilio.base.ResourceSet;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpMethod;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.IncomingPhoneNumber;
import com.twilio.rest.api.v2010.account.IncomingPhoneNumberUpdater;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * The account's phone numbers through the SDK's REST client: find one, list some, change one in a single update.
 * Every failure becomes a {@link CliProblem} that says what to do.
 */
final class TwilioNumbers {
    /** Twilio's error for credentials it does not accept (HTTP 401). */
    static final int AUTHENTICATION_ERROR = 20003;

    private final TwilioRestClient client;
    private final TwilioCredentials credentials;
    private final String apiHost;
    /** Requests go to {@code TWILIO_API_BASE_URL}, not to Twilio. */
    private final boolean standIn;

    private TwilioNumbers(TwilioRestClient client, TwilioCredentials credentials, String apiHost, boolean standIn) {
        this.client = client;
        this.credentials = credentials;
        this.apiHost = apiHost;
        this.standIn = standIn;
    }

    /** @param baseUrl where to send the SDK's requests instead of Twilio's own hosts (a stand-in, in tests) */
    static TwilioNumbers connect(TwilioCredentials credentials, Optional<URI> baseUrl) {
        TwilioRestClient client = new TwilioRestClient.Builder(credentials.username(), credentials.password())
                .accountSid(credentials.accountSid())
                .httpClient(baseUrl.<com.twilio.http.HttpClient>map(BaseUrlHttpClient::new).orElseGet(NetworkHttpClient::new))
                .build();
        return new TwilioNumbers(client, credentials, baseUrl.map(URI::getAuthority).orElse("api.twilio.com"),
                baseUrl.isPresent());
    }

    /** The number, if it is on this account; Twilio matches the filter as part of a number, so we keep exact ones. */
    Optional<NumberConfig> find(String e164) {
        return call(() -> {
            ResourceSet<IncomingPhoneNumber> numbers = IncomingPhoneNumber.reader().setPhoneNumber(e164).read(client);
            for (IncomingPhoneNumber number : numbers) {
                if (number.getPhoneNumber() != null && e164.equals(number.getPhoneNumber().toString())) {
                    return Optional.of(NumberConfig.of(number));
                }
            }
            return Optional.empty();
        });
    }

    /** Up to {@code limit} of the account's numbers, to show someone who named another. */
    List<String> some(int limit) {
        return call(() -> {
            List<String> numbers = new ArrayList<>();
            for (IncomingPhoneNumber number : IncomingPhoneNumber.reader().setPageSize((long) limit).firstPage(client).getRecords()) {
                numbers.add(String.valueOf(number.getPhoneNumber()));
            }
            return numbers;
        });
    }

    /** Makes every change in one request: Twilio applies all of it or, refusing it, none. */
    NumberConfig update(String sid, List<NumberPlan.Change> changes) {
        IncomingPhoneNumberUpdater updater = IncomingPhoneNumber.updater(sid);
        for (NumberPlan.Change change : changes) {
            String value = change.wanted();
            switch (change.setting()) {
                case VOICE_URL -> updater.setVoiceUrl(value);
                case VOICE_METHOD -> updater.setVoiceMethod(HttpMethod.forValue(value));
                case STATUS_CALLBACK -> updater.setStatusCallback(value);
                case STATUS_CALLBACK_METHOD -> updater.setStatusCallbackMethod(HttpMethod.forValue(value));
                case FALLBACK_URL -> updater.setVoiceFallbackUrl(value);
                case FALLBACK_METHOD -> updater.setVoiceFallbackMethod(HttpMethod.forValue(value));
                case TWIML_APP -> updater.setVoiceApplicationSid(value);
                case CALLER_NAME_LOOKUP -> updater.setVoiceCallerIdLookup(Boolean.parseBoolean(value));
                case RECEIVE_MODE -> updater.setVoiceReceiveMode(IncomingPhoneNumber.VoiceReceiveMode.forValue(value));
                default -> throw new IllegalArgumentException("connect never changes " + change.setting());
            }
        }
        return call(() -> NumberConfig.of(updater.update(client)));
    }

    private interface Call<T> {
        T run();
    }

    private <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (ApiConnectionException e) {
            throw network(e);
        } catch (ApiException e) {
            if (e.getCause() instanceof IOException) {
                throw network(e);
            }
            Integer code = e.getCode();
            Integer status = e.getStatusCode();
            if ((code != null && code == AUTHENTICATION_ERROR) || (status != null && status == 401)) {
                throw new CliProblem(2, "Twilio refused the credentials (error " + AUTHENTICATION_ERROR + ", HTTP 401): "
                        + "check " + credentials.whatToCheck() + ". Nothing was changed.");
            }
            if (status != null && status == 403) {
                throw new CliProblem(2, "Twilio accepted the credentials but does not let them do this (HTTP 403"
                        + (code == null ? "" : ", error " + code) + ": " + e.getMessage() + "). A restricted API key "
                        + "needs access to phone numbers. Nothing was changed.");
            }
            throw new CliProblem(1, "Twilio refused the request" + (code == null ? "" : " with error " + code)
                    + (status == null ? "" : " (HTTP " + status + ")") + ": " + e.getMessage()
                    + (e.getMoreInfo() == null ? "" : " (" + e.getMoreInfo() + ")") + ". Nothing was changed.");
        }
    }

    /** The network between here and Twilio, named as precisely as the failure allows. */
    private CliProblem network(RuntimeException e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof IOException)) {
            cause = cause.getCause();
        }
        String why;
        if (cause instanceof UnknownHostException) {
            why = "the name " + apiHost + " cannot be looked up: this machine has no network or no DNS";
        } else if (cause instanceof ConnectException) {
            why = apiHost + " refused the connection (or nothing listens there)";
        } else if (cause instanceof SocketTimeoutException) {
            why = apiHost + " did not answer in time";
        } else if (cause instanceof SSLException) {
            why = "the secure connection to " + apiHost + " failed (" + cause.getMessage() + "); a proxy may be "
                    + "intercepting it";
        } else {
            why = "the connection to " + apiHost + " failed: " + (cause.getMessage() == null ? cause : cause.getMessage());
        }
        return new CliProblem(2, "Cannot reach Twilio's API: " + why + ". " + (standIn
                ? "Check " + TwilioCli.API_BASE_URL + ", or unset it to use Twilio's own API"
                : "Check this machine's internet connection") + ", then run the command again. Nothing was changed.");
    }
}
