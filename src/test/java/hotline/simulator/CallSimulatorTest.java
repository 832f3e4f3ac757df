package hotline.simulator;

import hotline.TestHotline;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code scripts/simulate-call} as a user runs it: a separate process, configured by the environment. */
class CallSimulatorTest {
    private static final TestHotline hotline = TestHotline.shared();

    private record Run(int exitCode, String output) {
    }

    private static Run simulate(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java",
                "-cp", System.getProperty("java.class.path"), CallSimulator.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("HOTLINE_") || name.equals("TWILIO_AUTH_TOKEN"));
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }

    private static Map<String, String> twilioEnvironment() {
        return Map.of("HOTLINE_PUBLIC_URL", TestHotline.PUBLIC_URL, "TWILIO_AUTH_TOKEN", TestHotline.TOKEN);
    }

    @Test
    void aScriptedCallPrintsTheWholeTranscript() throws Exception {
        Run run = simulate(twilioEnvironment(), "--server", hotline.serverUrl(), "--keys", "1 5 2 busy answered");
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("[en-US Polly.Joanna-Neural] For English, press 1."), run.output());
        assertTrue(run.output().contains(">> transferring to +18885392373 (caller ID +15555550199)"), run.output());
        assertTrue(run.output().contains("> transfer busy\n[en-US Polly.Joanna-Neural] That line is busy."), run.output());
        assertTrue(run.output().contains("> transfer completed\n   (the line hears, before the caller is connected: "
                + "[en-US Polly.Joanna-Neural] This is a call from"), run.output());
        assertTrue(run.output().contains("[the hotline hangs up]"), run.output());
    }

    @Test
    void aScriptThatDoesNotFitTheCallSaysWhy() throws Exception {
        Run run = simulate(twilioEnvironment(), "--server", hotline.serverUrl(), "--keys", "busy");
        assertEquals(2, run.exitCode());
        assertTrue(run.output().contains("The script does not fit the call: the script says \"busy\" but the hotline is "
                + "waiting for a key press"), run.output());
    }

    @Test
    void aWrongTokenIsCaughtAsACallTwilioCouldNotMake() throws Exception {
        Run run = simulate(Map.of("HOTLINE_PUBLIC_URL", TestHotline.PUBLIC_URL, "TWILIO_AUTH_TOKEN", "fedcba9876543210"),
                "--server", hotline.serverUrl(), "--keys", "1");
        assertEquals(1, run.exitCode());
        assertTrue(run.output().contains("answered 403: Forbidden: X-Twilio-Signature does not match"), run.output());
    }

    @Test
    void withoutATokenOrARunningHotlineItExplainsWhatToDo() throws Exception {
        Run noToken = simulate(Map.of("HOTLINE_DATA_DIR", "/nonexistent"), "--keys", "1");
        assertEquals(2, noToken.exitCode());
        assertTrue(noToken.output().contains("No token to sign requests with"), noToken.output());
        Run unknownOption = simulate(Map.of(), "--kyes", "1");
        assertEquals(2, unknownOption.exitCode());
        assertTrue(unknownOption.output().startsWith("Unknown argument: --kyes"), unknownOption.output());
    }
}
