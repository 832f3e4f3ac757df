package hotline.twilio;

import hotline.catalog.PhoneNumber;
import hotline.config.Config;
import hotline.config.ConfigException;

import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code scripts/hotline twilio connect|check}: points a Twilio number at this hotline, or checks that it does.
 * Exit codes: 0 all is well; 1 something is wrong on the number; 2 the command, the credentials or the network.
 */
public final class TwilioCli {
    public static final String COMMAND = "twilio";
    /** Where the SDK sends its requests instead of Twilio's own hosts: a stand-in of Twilio's API, for tests. */
    public static final String API_BASE_URL = "TWILIO_API_BASE_URL";

    static final String USAGE = """
            Usage: scripts/hotline twilio connect --number NUMBER [--fallback-url URL] [--apply]
                   scripts/hotline twilio check --number NUMBER [--fallback-url URL]

              connect   shows what it would change on the Twilio number so that its calls come to this hotline
                        (voice URL HOTLINE_PUBLIC_URL/voice/incoming, status callback HOTLINE_PUBLIC_URL/voice/status,
                        both POST; the voice fallback URL; no TwiML app; no caller name lookup); with --apply it makes
                        all of these changes in one update
              check     reads the number and says, line by line, what is right and what is not, and whether the
                        hotline answers at HOTLINE_PUBLIC_URL/healthz

              --number NUMBER     the Twilio number, such as +13235550142
              --fallback-url URL  the URL of the TwiML Bin holding scripts/hotline fallback-twiml
                                  (connect keeps the number's own fallback when this is not given)

            Reads HOTLINE_PUBLIC_URL, and TWILIO_ACCOUNT_SID with TWILIO_AUTH_TOKEN (or with an API key:
            TWILIO_API_KEY and TWILIO_API_SECRET). Exit codes: 0 all is well, 1 something is wrong on the number,
            2 a problem with the command, the credentials or the network.
            """;

    private final Map<String, String> env;
    private final PrintStream out;
    private final HealthProbe health;

    TwilioCli(Map<String, String> env, PrintStream out, HealthProbe health) {
        this.env = env;
        this.out = out;
        this.health = health;
    }

    public static int run(List<String> args, Map<String, String> env, PrintStream out) {
        return new TwilioCli(env, out, HealthProbe.standard()).run(args);
    }

    /** The arguments after {@code twilio}. */
    private record Options(String command, String number, Optional<String> fallbackUrl, boolean apply) {
        static Options parse(List<String> args) {
            List<String> rest = new ArrayList<>(args);
            if (rest.isEmpty() || !(rest.get(0).equals("connect") || rest.get(0).equals("check"))) {
                throw new CliProblem(2, USAGE);
            }
            String command = rest.remove(0);
            String number = null;
            Optional<String> fallback = Optional.empty();
            boolean apply = false;
            while (!rest.isEmpty()) {
                String option = rest.remove(0);
                switch (option) {
                    case "--number" -> number = value(option, rest);
                    case "--fallback-url" -> fallback = Optional.of(value(option, rest));
                    case "--apply" -> {
                        if (!command.equals("connect")) {
                            throw new CliProblem(2, "--apply is for connect; check changes nothing.\n\n" + USAGE);
                        }
                        apply = true;
                    }
                    default -> throw new CliProblem(2, "Unknown option " + option + ".\n\n" + USAGE);
                }
            }
            if (number == null) {
                throw new CliProblem(2, "Name the number with --number, such as --number +13235550142.\n\n" + USAGE);
            }
            String typed = number;
            String e164 = PhoneNumber.fromTyped(typed, "US").map(PhoneNumber::e164).orElseThrow(() -> new CliProblem(2,
                    "--number " + typed + " is not a phone number: write it as the Twilio Console shows it, such as +13235550142."));
            return new Options(command, e164, fallback, apply);
        }

        private static String value(String option, List<String> rest) {
            if (rest.isEmpty() || rest.get(0).startsWith("--")) {
                throw new CliProblem(2, option + " needs a value.\n\n" + USAGE);
            }
            return rest.remove(0);
        }
    }

    int run(List<String> args) {
        if (args.size() == 1 && (args.get(0).equals("--help") || args.get(0).equals("-h"))) {
            out.print(USAGE);
            return 0;
        }
        try {
            Options options = Options.parse(args);
            URI publicUrl = publicUrl();
            TwilioCredentials credentials = TwilioCredentials.fromEnvironment(env);
            Optional<URI> apiBase = apiBase();
            apiBase.ifPresent(base -> out.println("Using the Twilio API at " + base + " (" + API_BASE_URL + ")"));
            TwilioNumbers numbers = TwilioNumbers.connect(credentials, apiBase);
            NumberPlan plan = new NumberPlan(publicUrl);
            return options.command().equals("check") ? check(options, plan, publicUrl, numbers, credentials)
                    : connect(options, plan, publicUrl, numbers, credentials);
        } catch (CliProblem problem) {
            out.println(problem.getMessage().stripTrailing());
            return problem.exitCode();
        }
    }

    private int check(Options options, NumberPlan plan, URI publicUrl, TwilioNumbers numbers, TwilioCredentials credentials) {
        options.fallbackUrl().flatMap(plan::fallbackProblem).ifPresent(problem -> {
            throw new CliProblem(2, "--fallback-url " + problem + ".");
        });
        NumberConfig number = find(numbers, options.number(), credentials);
        out.println("Checking " + number.phoneNumber() + " (" + number.sid() + ") on account " + credentials.accountSid()
                + " for the hotline at " + publicUrl);
        List<NumberPlan.Finding> findings = new ArrayList<>();
        findings.addAll(publicUrlFindings(publicUrl));
        findings.addAll(plan.review(number, options.fallbackUrl()));
        HealthProbe.Health answer = health.check(publicUrl);
        findings.add(new NumberPlan.Finding(answer.ok(), answer.text()));
        for (NumberPlan.Finding finding : findings) {
            out.println((finding.ok() ? "  ok     " : "  WRONG  ") + finding.text());
        }
        long wrong = findings.stream().filter(f -> !f.ok()).count();
        if (wrong == 0) {
            out.println("All is well: calls to " + number.phoneNumber() + " come to this hotline, and to the fallback "
                    + "when it cannot answer.");
            return 0;
        }
        out.println(wrong + " thing(s) wrong. scripts/hotline twilio connect --number " + number.phoneNumber()
                + " shows how to set the URLs right.");
        return 1;
    }

    private int connect(Options options, NumberPlan plan, URI publicUrl, TwilioNumbers numbers, TwilioCredentials credentials) {
        List<NumberPlan.Finding> address = publicUrlFindings(publicUrl);
        boolean httpAllowedForTunnel = "http".equals(publicUrl.getScheme()) && "1".equals(env.get(Config.ALLOW_HTTP))
                && !Config.isLoopback(publicUrl);
        if (address.stream().anyMatch(f -> !f.ok()) && !httpAllowedForTunnel) {
            throw new CliProblem(2, "Nothing was changed: " + address.stream().filter(f -> !f.ok())
                    .map(NumberPlan.Finding::text).findFirst().orElseThrow() + ".");
        }
        options.fallbackUrl().flatMap(plan::fallbackProblem).ifPresent(problem -> {
            throw new CliProblem(2, "Nothing was changed: --fallback-url " + problem + ".");
        });
        NumberConfig number = find(numbers, options.number(), credentials);
        if (!number.trunkSid().isEmpty()) {
            throw new CliProblem(1, "Nothing was changed: " + number.phoneNumber() + " is on the SIP trunk " + number.trunkSid()
                    + ", which takes its calls whatever its URLs say. Remove it from the trunk in the Twilio Console "
                    + "(Elastic SIP Trunking), then run this again.");
        }
        var wanted = plan.wanted(number, options.fallbackUrl());
        List<NumberPlan.Change> changes = NumberPlan.changes(number, wanted);
        out.println(number.phoneNumber() + " (" + number.sid() + ") on account " + credentials.accountSid() + ":");
        wanted.forEach((setting, value) -> {
            String now = NumberPlan.current(number, setting);
            boolean changing = changes.stream().anyMatch(c -> c.setting() == setting);
            out.println((changing ? "  change  " : "  keep    ") + setting.label() + ": " + shown(now)
                    + (changing ? "  ->  " + shown(value) : ""));
        });
        if (!wanted.containsKey(NumberPlan.Setting.FALLBACK_URL)) {
            throw new CliProblem(2, "Nothing was changed: the number has no fallback"
                    + (number.fallbackUrl().isEmpty() ? "" : " that can work when this server is down ("
                    + plan.fallbackProblem(number.fallbackUrl()).orElse("") + ")") + ". Without one, callers hear Twilio's "
                    + "error message whenever this server cannot answer. Make it first: paste the output of "
                    + "scripts/hotline fallback-twiml into a new TwiML Bin in the Twilio Console, then run this again "
                    + "with --fallback-url and the Bin's URL.");
        }
        HealthProbe.Health answer = health.check(publicUrl);
        out.println((answer.ok() ? "  ok      " : "  WRONG   ") + answer.text());
        if (changes.isEmpty()) {
            out.println("Nothing to change: the number already sends its calls to this hotline.");
            return answer.ok() ? 0 : 1;
        }
        if (!options.apply()) {
            out.println("Nothing was changed. To make " + (changes.size() == 1 ? "this change" : "these " + changes.size()
                    + " changes") + " in one update, run the same command with --apply.");
            return 0;
        }
        if (!answer.ok()) {
            throw new CliProblem(1, "Nothing was changed: calls would go to an address where the hotline does not answer. "
                    + "Start it (and the proxy in front of it), check HOTLINE_PUBLIC_URL, then run this again.");
        }
        NumberConfig after = numbers.update(number.sid(), changes);
        List<NumberPlan.Change> left = NumberPlan.changes(after, wanted);
        if (!left.isEmpty()) {
            out.println("Twilio took the update, but reports " + left.size() + " setting(s) otherwise: "
                    + left.stream().map(c -> c.setting().label() + " is " + shown(c.now())).toList()
                    + ". Run scripts/hotline twilio check --number " + number.phoneNumber() + ".");
            return 1;
        }
        out.println("Done, in one update: calls to " + after.phoneNumber() + " now come to " + after.voiceUrl()
                + ", and to " + after.fallbackUrl() + " when this server cannot answer. Check it with: scripts/hotline "
                + "twilio check --number " + after.phoneNumber());
        return 0;
    }

    private NumberConfig find(TwilioNumbers numbers, String e164, TwilioCredentials credentials) {
        return numbers.find(e164).orElseThrow(() -> {
            List<String> some = numbers.some(20);
            return new CliProblem(2, e164 + " is not a number of Twilio account " + credentials.accountSid() + ". "
                    + (some.isEmpty() ? "The account has no numbers: buy one in the Twilio Console (Phone Numbers), or "
                    + "check " + TwilioCredentials.ACCOUNT_SID + " (a subaccount has its own numbers)."
                    : "Its numbers" + (some.size() == 20 ? " include" : " are") + ": " + String.join(", ", some)
                    + ". Check --number, and " + TwilioCredentials.ACCOUNT_SID + " (a subaccount has its own numbers)."));
        });
    }

    /** The public URL must be one Twilio can reach and that keeps what callers press private. */
    private static List<NumberPlan.Finding> publicUrlFindings(URI publicUrl) {
        List<NumberPlan.Finding> findings = new ArrayList<>();
        if (Config.isLoopback(publicUrl)) {
            findings.add(NumberPlan.Finding.wrong(Config.PUBLIC_URL + " " + publicUrl + " is this machine, which Twilio "
                    + "cannot reach: set it to the https address of the hotline"));
        } else if (!"https".equals(publicUrl.getScheme())) {
            findings.add(NumberPlan.Finding.wrong(Config.PUBLIC_URL + " " + publicUrl + " is not https: Twilio would send "
                    + "what callers press unencrypted; put TLS in front of the hotline (README, Going live)"));
        } else {
            findings.add(NumberPlan.Finding.right(Config.PUBLIC_URL + " " + publicUrl + " is https"));
        }
        return findings;
    }

    private URI publicUrl() {
        String text = env.get(Config.PUBLIC_URL);
        if (text == null || text.isBlank()) {
            throw new CliProblem(2, Config.PUBLIC_URL + " is not set: set it to the https address Twilio calls, as for "
                    + "the hotline itself, such as https://hotline.example.org.");
        }
        try {
            return Config.parsePublicUrl(text);
        } catch (ConfigException e) {
            throw new CliProblem(2, e.getMessage() + ".");
        }
    }

    private Optional<URI> apiBase() {
        String text = env.get(API_BASE_URL);
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.trim());
            if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // said below
        }
        throw new CliProblem(2, API_BASE_URL + " \"" + text + "\" must be an http(s) URL, such as http://127.0.0.1:8089; "
                + "unset it to use Twilio's API.");
    }

    private static String shown(String value) {
        return value.isEmpty() ? "(none)" : value;
    }
}
