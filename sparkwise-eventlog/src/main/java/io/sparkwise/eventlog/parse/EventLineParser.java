package io.sparkwise.eventlog.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.sparkwise.eventlog.build.JsonAccess;

import java.io.IOException;
import java.util.Map;

/**
 * Parses one line of an event log into its event name and fields. A line that is not one JSON
 * object with an "Event" string field is rejected with a short reason for the damaged-line report.
 */
public final class EventLineParser {

    /** Deeper JSON than this is hostile or broken: Spark's deepest objects (plans) stay far below. */
    static final int MAX_NESTING_DEPTH = 1000;

    private final JsonFactory factory = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxStringLength(LineReader.MAX_LINE_BYTES)
                    .maxNumberLength(1000)
                    .build())
            .build();

    /** A parsed event: its simple name (package removed) and fields. */
    public record Event(String name, Map<String, Object> fields) {
    }

    /** Thrown for a line that is not an event; the message is the reason shown to users. */
    public static final class BadLineException extends Exception {
        public BadLineException(String reason) {
            super(reason);
        }
    }

    public Event parse(byte[] buf, int off, int len) throws BadLineException {
        int first = off;
        while (first < off + len && (buf[first] == ' ' || buf[first] == '\t')) {
            first++;
        }
        if (first == off + len) {
            throw new BadLineException("blank line");
        }
        if (buf[first] != '{') {
            throw new BadLineException(looksBinary(buf, off, len) ? "binary data, not JSON" : "not a JSON object");
        }
        try (JsonParser p = factory.createParser(buf, off, len)) {
            p.nextToken();
            Map<String, Object> fields = JsonAccess.asObj(JsonAccess.read(p));
            if (p.nextToken() != null) {
                throw new BadLineException("unexpected text after the JSON object");
            }
            Object event = fields == null ? null : fields.get("Event");
            if (!(event instanceof String name)) {
                throw new BadLineException("JSON object without an \"Event\" name");
            }
            int dot = name.lastIndexOf('.');
            return new Event(dot < 0 ? name : name.substring(dot + 1), fields);
        } catch (StreamConstraintsException e) {
            throw new BadLineException("JSON exceeds a safety limit: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new BadLineException("invalid JSON: " + firstLine(e.getMessage()));
        }
    }

    static boolean looksBinary(byte[] buf, int off, int len) {
        int end = Math.min(off + len, off + 4096);
        for (int i = off; i < end; i++) {
            if (buf[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        String s = nl < 0 ? message : message.substring(0, nl);
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
