-- Anonymized call events: one row for each thing that happened in a call.
-- Never a phone number, CallSid, caller name or location. call_key links the events of one call and cannot be
-- recomputed: it is a keyed hash whose key lives only in the hotline's memory and is replaced every day.
CREATE TABLE call_event (
    id              INTEGER PRIMARY KEY,
    call_key        VARCHAR(32) NOT NULL,
    occurred_minute BIGINT      NOT NULL,             -- minutes since 1970-01-01 UTC: minute precision, no finer
    kind            VARCHAR(32) NOT NULL,
    language        VARCHAR(16) NOT NULL DEFAULT '',
    menu            VARCHAR(16) NOT NULL DEFAULT '',  -- where it happened; for call_ended, the last menu reached
    choice          VARCHAR(48) NOT NULL DEFAULT '',  -- for call_ended, the kind of the call's last event
    line            VARCHAR(48) NOT NULL DEFAULT '',
    outcome         VARCHAR(16) NOT NULL DEFAULT '',
    failover        SMALLINT    NOT NULL DEFAULT 0,
    seconds         INTEGER     NOT NULL DEFAULT 0     -- call duration, or a transfer's talk time
);

-- Retention deletes by time, and the writer finds where a call was last seen among recent events by time too,
-- so no index on call_key is needed (random keys would make every insert slower).
CREATE INDEX call_event_by_time ON call_event (occurred_minute);
-- Twilio may send a call's status callback more than once; a call ends once.
CREATE UNIQUE INDEX call_event_one_end_per_call ON call_event (call_key) WHERE kind = 'call_ended';
