-- Forms kept for the admin who sent them, so that typing is never lost: what was typed into a form that had a mistake
-- (shown again after the redirect), what was sent just after a session ended (offered again after signing in), and
-- files waiting for an import to be confirmed. Admins' own typing only: nothing about callers, never a password.
CREATE TABLE kept_form (
    id         VARCHAR(32) PRIMARY KEY,            -- random: the page that shows it again is named by it
    account_id INTEGER     NOT NULL REFERENCES account (id),
    purpose    VARCHAR(16) NOT NULL,               -- TYPED, SESSION_ENDED or IMPORT (hotline.web.KeptForms.Purpose)
    path       TEXT        NOT NULL,               -- where the form was sent
    fields     TEXT        NOT NULL,               -- JSON: each field's name and values
    kept_at    BIGINT      NOT NULL                -- seconds since 1970
);
CREATE INDEX kept_form_by_account ON kept_form (account_id, purpose);
