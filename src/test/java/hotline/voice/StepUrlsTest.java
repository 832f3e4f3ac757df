package hotline.voice;

import hotline.voice.CallStep.LanguageMenu;
import hotline.voice.CallStep.MenuStep;
import hotline.voice.CallStep.TransferResult;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StepUrlsTest {
    private final StepUrls urls = new StepUrls(URI.create("https://hotline.example.org/ivr/"));

    private static Map<String, String> query(String url) {
        Map<String, String> query = new HashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(parts[0], parts[1]);
        }
        return query;
    }

    private CallStep roundTrip(CallStep step) {
        String url = urls.of(step);
        String path = URI.create(url).getPath().substring("/ivr".length());
        return StepUrls.parse(path, query(url));
    }

    @Test
    void everyStepSurvivesTheTripThroughItsUrl() {
        MenuStep closed = new MenuStep("zh-CN", Menu.CLOSED, 0, Optional.empty(), Optional.of("da_htvap_central"), 2);
        MenuStep afterTopic = new MenuStep("es-US", Menu.ABOUT, 0, Optional.of(Topic.SEX_TRAFFICKING), Optional.empty(), 0);
        MenuStep page = new MenuStep("en-US", Menu.LINES, 1, Optional.empty(), Optional.empty(), 1);
        for (CallStep step : new CallStep[]{new LanguageMenu(2), closed, afterTopic, page, new TransferResult("en-US", "cast")}) {
            assertEquals(step, roundTrip(step));
        }
    }

    @Test
    void urlsAreAbsoluteUnderThePublicUrl() {
        assertEquals("https://hotline.example.org/ivr/voice/menu?lang=en-US&menu=lines&page=1&tries=0",
                urls.of(MenuStep.of("en-US", Menu.LINES).onPage(1)));
        assertEquals("https://hotline.example.org/ivr/voice/incoming", urls.incoming());
    }

    @Test
    void valuesThatDoNotParseFallBackToSafeDefaults() {
        CallStep step = StepUrls.parse(VoiceRoutes.MENU, Map.of("menu", "nonsense", "tries", "-1", "page", "x", "topic", "none"));
        assertEquals(new MenuStep("", Menu.MAIN, 0, Optional.empty(), Optional.empty(), 0), step);
        assertEquals(new LanguageMenu(0), StepUrls.parse(VoiceRoutes.LANGUAGE, Map.of("tries", "99999")));
    }
}
