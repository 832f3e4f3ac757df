package hotline.metrics;

import java.time.LocalDate;

/**
 * Where the day's secret for {@link CallKeys} comes from. Asked on the webhook path, so it never waits: a secret
 * that must come from elsewhere is fetched ahead, by {@link #refresh}, on the event writer's thread.
 */
interface DailySecrets {
    /** The secret of {@code day} (UTC): always one, made here if need be. Returns at once; the same array while it lasts. */
    byte[] forDay(LocalDate day);

    /** Makes sure {@code today}'s secret (and, where they are shared, tomorrow's) is at hand; never throws. */
    void refresh(LocalDate today);
}
