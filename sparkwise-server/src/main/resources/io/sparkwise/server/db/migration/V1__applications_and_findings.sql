-- Schema v1 of the Sparkwise server. Portable SQL: the same file runs on H2 and PostgreSQL
-- (types BIGINT, VARCHAR, BOOLEAN, DOUBLE PRECISION, TEXT; no vendor syntax), applied by Flyway.

-- One row per log found in the event-log directories: what it was when ingested (path, size,
-- modification time, so a re-scan skips it when unchanged) and how ingestion went.
CREATE TABLE log_file (
    source_path      VARCHAR(4000) NOT NULL,
    size_bytes       BIGINT        NOT NULL,
    modified_epoch   BIGINT        NOT NULL,
    ingested_epoch   BIGINT        NOT NULL,
    status           VARCHAR(16)   NOT NULL, -- ANALYZED or FAILED
    error_code       VARCHAR(64),            -- FAILED: the model's ErrorCode, or INTERNAL
    error_message    VARCHAR(4000),          -- FAILED: what went wrong, for the user
    CONSTRAINT pk_log_file PRIMARY KEY (source_path)
);

-- One row per application attempt (one log holds one attempt). Two logs may carry the same
-- application id and attempt (copies): both are kept, the API serves the latest ingested.
CREATE TABLE application_attempt (
    source_path      VARCHAR(4000) NOT NULL,
    app_id           VARCHAR(512)  NOT NULL,
    attempt_id       VARCHAR(64),
    app_name         VARCHAR(4000) NOT NULL,
    spark_user       VARCHAR(512)  NOT NULL,
    start_epoch      BIGINT,                 -- null when the log has no application start
    end_epoch        BIGINT,                 -- null while incomplete
    duration_ms      BIGINT        NOT NULL, -- ours: for an incomplete attempt, last event minus start
    last_event_epoch BIGINT        NOT NULL,
    completed        BOOLEAN       NOT NULL,
    spark_version    VARCHAR(128),
    job_key          VARCHAR(4000) NOT NULL, -- runs of one job share it (JobIdentity)
    damaged_lines    BIGINT        NOT NULL, -- the read report's count, for the list's health column later
    finding_count    INTEGER       NOT NULL,
    CONSTRAINT pk_application_attempt PRIMARY KEY (source_path),
    CONSTRAINT fk_application_attempt_log FOREIGN KEY (source_path) REFERENCES log_file (source_path)
);
CREATE INDEX ix_application_attempt_app ON application_attempt (app_id);
CREATE INDEX ix_application_attempt_job ON application_attempt (job_key);

-- The findings of each attempt, in the analysis's rank order, by their stable key.
CREATE TABLE finding (
    source_path          VARCHAR(4000)    NOT NULL,
    finding_key          VARCHAR(1000)    NOT NULL,
    rank_in_application  INTEGER          NOT NULL,
    rule_id              VARCHAR(200)     NOT NULL,
    severity             VARCHAR(16)      NOT NULL,
    title                VARCHAR(4000)    NOT NULL,
    wasted_core_seconds  DOUBLE PRECISION NOT NULL,
    CONSTRAINT pk_finding PRIMARY KEY (source_path, finding_key),
    CONSTRAINT fk_finding_attempt FOREIGN KEY (source_path) REFERENCES application_attempt (source_path)
);
CREATE INDEX ix_finding_rule ON finding (rule_id);

-- The whole result (ResultJson.toJson, lossless) of each attempt: everything can be loaded back
-- into the engine's objects, and later schema versions fill new tables from it without the logs.
CREATE TABLE analysis_result (
    source_path  VARCHAR(4000) NOT NULL,
    format       INTEGER       NOT NULL, -- 1: ResultJson's lossless document
    result_json  TEXT          NOT NULL,
    CONSTRAINT pk_analysis_result PRIMARY KEY (source_path),
    CONSTRAINT fk_analysis_result_attempt FOREIGN KEY (source_path) REFERENCES application_attempt (source_path)
);
