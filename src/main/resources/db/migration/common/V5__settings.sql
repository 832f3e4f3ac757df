-- Small facts about this database that are not content: for example, that its call events are demo data.
CREATE TABLE hotline_setting (
    name  VARCHAR(64) PRIMARY KEY,
    value TEXT        NOT NULL
);
