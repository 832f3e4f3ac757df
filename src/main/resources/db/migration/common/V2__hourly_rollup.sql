-- Counts and duration sums by hour, kept current by the event writer in the same transaction as the raw events,
-- so that no dashboard query scans raw events. Rollups outlive the raw events, which are deleted after the
-- retention period. Each kind of event is counted by the dimensions dashboards group it by, and no others
-- (see hotline.metrics.Rollup); a call's end also counts in 'call_duration', by duration step.
CREATE TABLE event_rollup (
    hour           BIGINT      NOT NULL,              -- hours since 1970-01-01 UTC
    kind           VARCHAR(32) NOT NULL,
    language       VARCHAR(16) NOT NULL,
    menu           VARCHAR(16) NOT NULL,
    choice         VARCHAR(48) NOT NULL,
    line           VARCHAR(48) NOT NULL,
    outcome        VARCHAR(16) NOT NULL,
    failover       SMALLINT    NOT NULL,
    seconds_bucket INTEGER     NOT NULL,              -- call_duration only: the first second of the duration step
    event_count    BIGINT      NOT NULL,
    seconds_sum    BIGINT      NOT NULL,
    PRIMARY KEY (kind, hour, language, menu, choice, line, outcome, failover, seconds_bucket)
);

-- A database from before this version already holds events: roll them up the way the writer does.
INSERT INTO event_rollup (hour, kind, language, menu, choice, line, outcome, failover, seconds_bucket,
                          event_count, seconds_sum)
SELECT hour, kind, language, menu, choice, line, outcome, failover, 0, COUNT(*), SUM(seconds)
FROM (SELECT occurred_minute / 60 AS hour, kind,
             CASE WHEN kind = 'language_chosen' THEN language ELSE '' END AS language,
             CASE WHEN kind IN ('option_chosen', 'invalid_input', 'no_input', 'call_ended') THEN menu ELSE '' END AS menu,
             CASE WHEN kind IN ('language_chosen', 'option_chosen', 'call_ended') THEN choice ELSE '' END AS choice,
             CASE WHEN kind IN ('transfer_attempted', 'transfer_outcome') THEN line ELSE '' END AS line,
             CASE WHEN kind = 'transfer_outcome' THEN outcome ELSE '' END AS outcome,
             CASE WHEN kind = 'transfer_attempted' THEN failover ELSE 0 END AS failover,
             seconds
      FROM call_event) AS counted
GROUP BY hour, kind, language, menu, choice, line, outcome, failover;

INSERT INTO event_rollup (hour, kind, language, menu, choice, line, outcome, failover, seconds_bucket,
                          event_count, seconds_sum)
SELECT hour, 'call_duration', '', '', '', '', '', 0, bucket, COUNT(*), SUM(seconds)
FROM (SELECT occurred_minute / 60 AS hour, seconds,
             CASE WHEN seconds < 60 THEN seconds / 10 * 10
                  WHEN seconds < 180 THEN seconds / 30 * 30
                  WHEN seconds < 600 THEN seconds / 60 * 60
                  WHEN seconds < 1800 THEN seconds / 300 * 300
                  WHEN seconds < 3600 THEN seconds / 600 * 600
                  ELSE 3600 END AS bucket
      FROM call_event WHERE kind = 'call_ended') AS durations
GROUP BY hour, bucket;
