-- PostgreSQL's form of sqlite/V8__recordings.sql: BYTEA for the audio.
CREATE TABLE recording (
    name     VARCHAR(80) PRIMARY KEY,
    audio    BYTEA       NOT NULL,
    saved_at BIGINT      NOT NULL
);
