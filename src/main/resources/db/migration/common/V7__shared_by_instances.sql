-- State that several instances on one PostgreSQL database must share (see README, Running several instances).
-- A hotline alone on SQLite keeps both in its memory instead, and leaves these tables empty.

-- Today's secret for call keys (hotline.metrics.CallKeys): every instance must give one call's events the same key.
-- Only the current day's row exists: an instance that starts a new day deletes the days before, so a key cannot be
-- recomputed from anything kept once its day is over.
CREATE TABLE call_key_secret (
    day    BIGINT      PRIMARY KEY,                -- days since 1970-01-01, UTC
    secret VARCHAR(64) NOT NULL                    -- 32 random bytes, hex
);

-- Sign-in attempts counted by hotline.accounts.LoginThrottle, so that guesses spread over instances add up. Times
-- are in nanoseconds since 1970, read from the machines' clocks.
-- The key is an HMAC of the name, address or device counted, under a key in hotline_setting: no account name or
-- address is stored in clear.
CREATE TABLE login_throttle (
    throttle_key  VARCHAR(64) PRIMARY KEY,
    attempts      INTEGER     NOT NULL,
    blocked_until BIGINT      NOT NULL,            -- 0 when not blocked
    last_attempt  BIGINT      NOT NULL
);
CREATE INDEX login_throttle_by_last_attempt ON login_throttle (last_attempt);
