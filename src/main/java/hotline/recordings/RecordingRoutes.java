package hotline.recordings;

import hotline.web.Access;
import hotline.web.Routes;

/**
 * The recordings page, for admins; and the audio itself, which Twilio fetches without signing the request: its
 * name is the hash of its content, so it cannot be guessed.
 */
public final class RecordingRoutes {
    private RecordingRoutes() {
    }

    public static void mount(Routes routes, RecordingsController recordings, AudioController audio) {
        routes.get(RecordingsController.PAGE, recordings::show, Access.ADMIN)
                .post(RecordingsController.PAGE, recordings::upload, Access.ADMIN)
                .post(RecordingsController.REMOVE, recordings::remove, Access.ADMIN)
                .get(AudioController.PATH, audio::serve, Access.ANYONE);
    }
}
