package hotline.twilio;

import java.util.Map;
import java.util.Optional;

/**
 * Who we are to Twilio's API, from the environment and never from a file: the account's SID with its Auth Token, or
 * with an API key and its secret (which can be revoked on its own). Never printed.
 *
 * @param username the Account SID, or the API key's SID
 * @param password the Auth Token, or the API key's secret
 */
record TwilioCredentials(String accountSid, String username, String password, boolean apiKey) {
    static final String ACCOUNT_SID = "TWILIO_ACCOUNT_SID";
    static final String AUTH_TOKEN = "TWILIO_AUTH_TOKEN";
    static final String API_KEY = "TWILIO_API_KEY";
    static final String API_SECRET = "TWILIO_API_SECRET";

    static TwilioCredentials fromEnvironment(Map<String, String> env) {
        String account = value(env, ACCOUNT_SID).orElseThrow(() -> new CliProblem(2, ACCOUNT_SID + " is not set: set it to "
                + "the Account SID (AC..., in the Twilio Console under Account info), with " + AUTH_TOKEN + " or with "
                + API_KEY + " and " + API_SECRET + "."));
        if (!account.matches("AC[0-9a-fA-F]{32}")) {
            throw new CliProblem(2, ACCOUNT_SID + " must be the Account SID: AC followed by 32 hexadecimal characters.");
        }
        Optional<String> key = value(env, API_KEY);
        if (key.isPresent()) {
            if (!key.get().matches("SK[0-9a-fA-F]{32}")) {
                throw new CliProblem(2, API_KEY + " must be an API key's SID: SK followed by 32 hexadecimal characters.");
            }
            String secret = value(env, API_SECRET).orElseThrow(() -> new CliProblem(2, API_KEY + " is set but "
                    + API_SECRET + " is not: set both (the secret is shown once, when the key is made), or neither."));
            return new TwilioCredentials(account, key.get(), secret, true);
        }
        String token = value(env, AUTH_TOKEN).orElseThrow(() -> new CliProblem(2, "No credentials: set " + AUTH_TOKEN
                + " (the account's Auth Token), or " + API_KEY + " and " + API_SECRET + ", beside " + ACCOUNT_SID + "."));
        return new TwilioCredentials(account, account, token, false);
    }

    /** What to tell someone whose credentials Twilio refused: which variables to look at. */
    String whatToCheck() {
        return apiKey
                ? API_KEY + " and " + API_SECRET + " (an API key of account " + accountSid + ", not revoked), and " + ACCOUNT_SID
                : ACCOUNT_SID + " and " + AUTH_TOKEN + " (Twilio Console, Account info; a token changes when it is rotated)";
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    @Override
    public String toString() {
        return "TwilioCredentials[" + accountSid + (apiKey ? ", API key " + username : "") + "]";
    }
}
