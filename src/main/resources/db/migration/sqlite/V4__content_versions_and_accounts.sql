-- Every published version of what callers hear is kept, with who published it, when and why.
CREATE TABLE catalog_version (
    id           INTEGER PRIMARY KEY,
    content      TEXT        NOT NULL,              -- the content as JSON (hotline.catalog.CatalogSource)
    published_at VARCHAR(32) NOT NULL,              -- ISO-8601 instant
    published_by VARCHAR(64) NOT NULL,
    note         TEXT        NOT NULL,
    restores     INTEGER                            -- for a rollback: the earlier version published again
);

-- The one shared draft that admins edit; publishing copies it into a new version.
CREATE TABLE catalog_draft (
    id         INTEGER     PRIMARY KEY CHECK (id = 1),
    content    TEXT        NOT NULL,
    based_on   INTEGER     NOT NULL,                -- the version the draft started from
    updated_at VARCHAR(32) NOT NULL,
    updated_by VARCHAR(64) NOT NULL
);

-- People who sign in to /admin and /dashboard. Names are stored in lower case.
CREATE TABLE account (
    id                   INTEGER      PRIMARY KEY,
    name                 VARCHAR(64)  NOT NULL UNIQUE,
    role                 VARCHAR(16)  NOT NULL,     -- admin or staff
    password_hash        VARCHAR(200) NOT NULL,     -- PBKDF2, with its salt and cost
    must_change_password SMALLINT     NOT NULL DEFAULT 0,
    disabled             SMALLINT     NOT NULL DEFAULT 0,
    created_at           VARCHAR(32)  NOT NULL
);

-- Signed-in sessions. Only a hash of the cookie's token is stored, so a copy of this table opens no session.
CREATE TABLE admin_session (
    token_hash   VARCHAR(64) PRIMARY KEY,
    account_id   INTEGER     NOT NULL REFERENCES account (id),
    csrf_token   VARCHAR(64) NOT NULL,
    created_at   BIGINT      NOT NULL,              -- seconds since 1970
    last_seen_at BIGINT      NOT NULL
);

-- Who did what: sign-ins, publishes, rollbacks, imports, account changes. Never a password.
CREATE TABLE audit_log (
    id     INTEGER     PRIMARY KEY,
    at     VARCHAR(32) NOT NULL,
    actor  VARCHAR(64) NOT NULL,
    action VARCHAR(32) NOT NULL,
    detail TEXT        NOT NULL
);
