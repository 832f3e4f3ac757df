package hotline.simulator;

import hotline.config.Config;
import hotline.config.ConfigException;
import hotline.config.LocalToken;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** {@code scripts/simulate-call}: walk a call in the terminal, or print a whole scripted call. */
public final class CallSimulator {
    /** Made-up numbers (555-01xx is reserved for fiction) for the caller and the hotline. */
    public static final String DEFAULT_FROM = "+15555550100";
    public static final String DEFAULT_TO = "+15555550199";
    static final String USAGE = """
            Usage: scripts/simulate-call [--keys "STEPS"] [--server URL] [--from NUMBER] [--to NUMBER]

            Plays a call against a running hotline the way Twilio would, signing every request.
              (no --keys)     interactive: you press keys (or type words in quotes to say them)
                              and decide how transfers end
              --keys "STEPS"  scripted: keys for menus (1, *, #), words in double quotes to say
                              them instead, - for pressing nothing, and answered, busy, no-answer
                              or failed at each transfer; when the steps run out the caller hangs
                              up. Examples: --keys "1 5 1 busy answered"
                                            --keys '"Español" "hablar con alguien" answered'
              --server URL    where to send requests (default: HOTLINE_PUBLIC_URL)
              --from NUMBER   the caller's number Twilio would send (default +15555550100)
              --to NUMBER     the hotline's own number (default +15555550199)

            Reads HOTLINE_PUBLIC_URL, HOTLINE_PORT and TWILIO_AUTH_TOKEN like the hotline does; without a
            token it uses the one a local-mode hotline wrote under HOTLINE_DATA_DIR.
            """;

    private CallSimulator() {
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n\n" + USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(USAGE);
            return;
        }
        System.exit(run(options));
    }

    static int run(Options options) throws InterruptedException {
        Config config;
        String token;
        try {
            config = Config.fromEnvironment();
            token = config.twilioAuthToken().isPresent() ? config.twilioAuthToken().get() : LocalToken.readFrom(config.dataDir());
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return 2;
        } catch (IOException e) {
            System.err.println("No token to sign requests with: set " + Config.AUTH_TOKEN + ", or start the hotline in local mode"
                    + " (scripts/run) so it writes " + LocalToken.FILE_NAME + " under " + Config.DATA_DIR + ".");
            return 2;
        }
        String publicBase = config.publicUrl().toString();
        String server = options.server() == null ? publicBase : options.server();
        Caller caller = options.keys() == null
                ? new ConsoleCaller(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.out)
                : ScriptedCaller.parse(options.keys());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
        SimulatedCall call = new SimulatedCall(http, publicBase, server, token,
                SimulatedCall.twilioParams(callSid, options.from(), options.to()), System.out::println);
        System.out.println("Calling " + publicBase + " (requests go to " + server + ")");
        try {
            call.run(caller);
            return 0;
        } catch (ConnectException e) {
            System.err.println("Cannot reach the hotline at " + server + ". Is it running? Start it with scripts/run.");
            return 2;
        } catch (IOException e) {
            System.err.println("The connection to the hotline failed: " + e);
            return 2;
        } catch (SimulationException e) {
            System.err.println("This call would fail on Twilio: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            System.err.println("The script does not fit the call: " + e.getMessage());
            return 2;
        }
    }

    record Options(String keys, String server, String from, String to, boolean help) {
        static Options parse(String[] args) {
            String keys = null;
            String server = null;
            String from = DEFAULT_FROM;
            String to = DEFAULT_TO;
            boolean help = false;
            List<String> rest = new ArrayList<>(List.of(args));
            while (!rest.isEmpty()) {
                String arg = rest.remove(0);
                switch (arg) {
                    case "--keys" -> keys = value(arg, rest);
                    case "--server" -> server = value(arg, rest);
                    case "--from" -> from = value(arg, rest);
                    case "--to" -> to = value(arg, rest);
                    case "-h", "--help" -> help = true;
                    default -> throw new IllegalArgumentException("Unknown argument: " + arg);
                }
            }
            return new Options(keys, server, from, to, help);
        }

        private static String value(String option, List<String> rest) {
            if (rest.isEmpty()) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return rest.remove(0);
        }
    }
}
