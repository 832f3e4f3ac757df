-- Counts and duration sums by hour and by every dimension a dashboard groups by, kept current by the event
-- writer in the same transaction as the raw events, so that no dashboard query scans raw events.
-- Rollups outlive the raw events, which are deleted after the retention period.
CREATE TABLE event_rollup (
    hour           BIGINT      NOT NULL,              -- hours since 1970-01-01 UTC
    kind           VARCHAR(32) NOT NULL,
    language       VARCHAR(16) NOT NULL,
    menu           VARCHAR(16) NOT NULL,
    choice         VARCHAR(48) NOT NULL,
    line           VARCHAR(48) NOT NULL,
    outcome        VARCHAR(16) NOT NULL,
    failover       SMALLINT    NOT NULL,
    seconds_bucket INTEGER     NOT NULL,              -- call_ended only: duration in 10-second steps, 360 = an hour or more
    event_count    BIGINT      NOT NULL,
    seconds_sum    BIGINT      NOT NULL,
    PRIMARY KEY (hour, kind, language, menu, choice, line, outcome, failover, seconds_bucket)
);

-- A database from before this version already holds events: roll them up.
INSERT INTO event_rollup (hour, kind, language, menu, choice, line, outcome, failover, seconds_bucket,
                          event_count, seconds_sum)
SELECT occurred_minute / 60, kind, language, menu, choice, line, outcome, failover,
       CASE WHEN kind <> 'call_ended' THEN 0 WHEN seconds >= 3600 THEN 360 ELSE seconds / 10 END,
       COUNT(*), SUM(seconds)
FROM call_event
GROUP BY occurred_minute / 60, kind, language, menu, choice, line, outcome, failover,
         CASE WHEN kind <> 'call_ended' THEN 0 WHEN seconds >= 3600 THEN 360 ELSE seconds / 10 END;

CREATE INDEX event_rollup_by_kind ON event_rollup (kind, hour);
