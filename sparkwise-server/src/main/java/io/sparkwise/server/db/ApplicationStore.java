package io.sparkwise.server.db;

import io.sparkwise.analysis.Finding;
import io.sparkwise.engine.AnalysisResult;
import io.sparkwise.engine.json.ResultJson;
import io.sparkwise.model.ApplicationInfo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * Reads and writes the server's tables (schema in {@code V1__applications_and_findings.sql}).
 * Each log is written in one transaction, replacing what an earlier ingestion of the same path
 * stored, so a re-ingested log never leaves two versions and a crash leaves the old one whole.
 */
public final class ApplicationStore {

    /** Column sizes of schema v1: text from logs is cut to fit rather than failing the log. */
    private static final int LONG_TEXT = 4000;
    private static final int ID_TEXT = 512;

    private static final String ATTEMPT_COLUMNS = "a.source_path, a.app_id, a.attempt_id, a.app_name, a.spark_user, "
            + "a.start_epoch, a.end_epoch, a.duration_ms, a.last_event_epoch, a.completed, a.spark_version, a.job_key, "
            + "a.damaged_lines, a.finding_count, l.modified_epoch";

    private final Database database;

    public ApplicationStore(Database database) {
        this.database = requireNonNull(database, "database is null");
    }

    /** Every log ingested so far, analyzed or failed, by source path. */
    public Map<String, LogFileRow> logFiles() throws SQLException {
        Map<String, LogFileRow> rows = new HashMap<>();
        try (Connection c = database.connect();
             PreparedStatement s = c.prepareStatement("SELECT source_path, size_bytes, modified_epoch, ingested_epoch, "
                     + "status, error_code, error_message FROM log_file");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                LogFingerprint fingerprint = new LogFingerprint(r.getString(1), r.getLong(2), r.getLong(3));
                rows.put(fingerprint.sourcePath(), new LogFileRow(fingerprint, r.getLong(4), r.getString(5),
                        Optional.ofNullable(r.getString(6)), Optional.ofNullable(r.getString(7))));
            }
        }
        return rows;
    }

    /** Stores an analyzed log: its attempt, findings and whole result, replacing an earlier version. */
    public void storeAnalyzed(LogFingerprint log, AnalysisResult result, String jobKey, long ingestedEpoch)
            throws SQLException {
        String resultJson = ResultJson.toJson(result);
        inTransaction(c -> {
            delete(c, log.sourcePath());
            insertLogFile(c, log, ingestedEpoch, LogFileRow.ANALYZED, null, null);
            insertAttempt(c, log.sourcePath(), result, jobKey);
            insertFindings(c, log.sourcePath(), result.analysis().findings());
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO analysis_result (source_path, format, result_json) VALUES (?, 1, ?)")) {
                s.setString(1, log.sourcePath());
                s.setString(2, resultJson);
                s.executeUpdate();
            }
        });
    }

    /** Stores a log that could not be analyzed, with why, replacing an earlier version. */
    public void storeFailed(LogFingerprint log, String errorCode, String message, long ingestedEpoch)
            throws SQLException {
        inTransaction(c -> {
            delete(c, log.sourcePath());
            insertLogFile(c, log, ingestedEpoch, LogFileRow.FAILED, errorCode, message);
        });
    }

    /** Every stored attempt, in no particular order. */
    public List<AttemptRow> attempts() throws SQLException {
        return queryAttempts("", null);
    }

    /** The stored attempts of one application id (several logs for several attempts). */
    public List<AttemptRow> attemptsOf(String appId) throws SQLException {
        return queryAttempts(" WHERE a.app_id = ?", requireNonNull(appId, "appId is null"));
    }

    /** The findings of one attempt, in the analysis's rank order. */
    public List<FindingRow> findingsOf(String sourcePath) throws SQLException {
        List<FindingRow> findings = new ArrayList<>();
        try (Connection c = database.connect();
             PreparedStatement s = c.prepareStatement("SELECT finding_key, rule_id, severity, title, wasted_core_seconds "
                     + "FROM finding WHERE source_path = ? ORDER BY rank_in_application")) {
            s.setString(1, sourcePath);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    findings.add(new FindingRow(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getDouble(5)));
                }
            }
        }
        return findings;
    }

    /** The stored result of one attempt, {@link ResultJson#fromJson(String)} gives it back. */
    public Optional<String> resultJson(String sourcePath) throws SQLException {
        try (Connection c = database.connect();
             PreparedStatement s = c.prepareStatement("SELECT result_json FROM analysis_result WHERE source_path = ?")) {
            s.setString(1, sourcePath);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    private List<AttemptRow> queryAttempts(String where, String parameter) throws SQLException {
        List<AttemptRow> rows = new ArrayList<>();
        try (Connection c = database.connect();
             PreparedStatement s = c.prepareStatement("SELECT " + ATTEMPT_COLUMNS
                     + " FROM application_attempt a JOIN log_file l ON l.source_path = a.source_path" + where)) {
            if (parameter != null) {
                s.setString(1, parameter);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(attempt(r));
                }
            }
        }
        return rows;
    }

    private static AttemptRow attempt(ResultSet r) throws SQLException {
        return new AttemptRow(r.getString(1), r.getString(2), Optional.ofNullable(r.getString(3)), r.getString(4),
                r.getString(5), optionalLong(r, 6), optionalLong(r, 7), r.getLong(8), r.getLong(9), r.getBoolean(10),
                Optional.ofNullable(r.getString(11)), r.getString(12), r.getLong(13), r.getInt(14), r.getLong(15));
    }

    private static OptionalLong optionalLong(ResultSet r, int column) throws SQLException {
        long value = r.getLong(column);
        return r.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
    }

    private static void delete(Connection c, String sourcePath) throws SQLException {
        // Children first: the foreign keys have no ON DELETE CASCADE, to keep the SQL plain.
        for (String table : List.of("analysis_result", "finding", "application_attempt", "log_file")) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE source_path = ?")) {
                s.setString(1, sourcePath);
                s.executeUpdate();
            }
        }
    }

    private static void insertLogFile(Connection c, LogFingerprint log, long ingestedEpoch, String status,
                                      String errorCode, String message) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO log_file (source_path, size_bytes, modified_epoch, "
                + "ingested_epoch, status, error_code, error_message) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, log.sourcePath());
            s.setLong(2, log.sizeBytes());
            s.setLong(3, log.modifiedEpoch());
            s.setLong(4, ingestedEpoch);
            s.setString(5, status);
            s.setString(6, errorCode == null ? null : cut(errorCode, 64));
            s.setString(7, message == null ? null : cut(message, LONG_TEXT));
            s.executeUpdate();
        }
    }

    private static void insertAttempt(Connection c, String sourcePath, AnalysisResult result, String jobKey)
            throws SQLException {
        ApplicationInfo info = result.application().info();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO application_attempt (source_path, app_id, "
                + "attempt_id, app_name, spark_user, start_epoch, end_epoch, duration_ms, last_event_epoch, completed, "
                + "spark_version, job_key, damaged_lines, finding_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, sourcePath);
            s.setString(2, cut(info.id(), ID_TEXT));
            s.setString(3, info.attemptId().map(a -> cut(a, 64)).orElse(null));
            s.setString(4, cut(info.name(), LONG_TEXT));
            s.setString(5, cut(info.sparkUser(), ID_TEXT));
            setOptional(s, 6, info.startTime());
            setOptional(s, 7, info.endTime());
            s.setLong(8, info.duration());
            s.setLong(9, info.lastEventTime());
            s.setBoolean(10, info.completed());
            s.setString(11, info.sparkVersion().map(v -> cut(v, 128)).orElse(null));
            s.setString(12, cut(jobKey, LONG_TEXT));
            s.setLong(13, result.application().readReport().damagedLineCount());
            s.setInt(14, result.analysis().findings().size());
            s.executeUpdate();
        }
    }

    private static void insertFindings(Connection c, String sourcePath, List<Finding> findings) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO finding (source_path, finding_key, "
                + "rank_in_application, rule_id, severity, title, wasted_core_seconds) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int rank = 0;
            for (Finding f : findings) {
                s.setString(1, sourcePath);
                s.setString(2, cut(f.key(), 1000));
                s.setInt(3, rank++);
                s.setString(4, cut(f.ruleId(), 200));
                s.setString(5, f.severity().label());
                s.setString(6, cut(f.title(), LONG_TEXT));
                s.setDouble(7, f.impact().wastedCoreSeconds());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void setOptional(PreparedStatement s, int index, OptionalLong value) throws SQLException {
        if (value.isPresent()) {
            s.setLong(index, value.getAsLong());
        } else {
            s.setNull(index, Types.BIGINT);
        }
    }

    /**
     * Fits text from a log into a column: cut at a code point boundary, so no half of a surrogate
     * pair is left, and NUL replaced, which PostgreSQL refuses in text (the stored result JSON
     * keeps the original, escaped).
     */
    private static String cut(String text, int maxChars) {
        String fitted = text.indexOf('\0') >= 0 ? text.replace('\0', '\uFFFD') : text;
        if (fitted.length() <= maxChars) {
            return fitted;
        }
        int end = Character.isHighSurrogate(fitted.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return fitted.substring(0, end);
    }

    private void inTransaction(SqlWork work) throws SQLException {
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    @FunctionalInterface
    private interface SqlWork {
        void run(Connection c) throws SQLException;
    }
}
