-- Recorded audio (hotline.recordings.RecordingStore), named by the SHA-256 of its bytes, so that every instance can
-- play what an admin uploaded to one. Earlier releases kept recordings only as files under the data directory's
-- recordings/, which stays where each instance keeps its copies.
CREATE TABLE recording (
    name     VARCHAR(80) PRIMARY KEY,
    audio    BLOB        NOT NULL,
    saved_at BIGINT      NOT NULL                  -- seconds since 1970
);
