package io.sparkwise.eventlog.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.sparkwise.state.event.OtherEvent;
import io.sparkwise.state.event.SparkEvent;

import java.io.IOException;
import java.util.Map;

/**
 * Parses one line of an event log into its typed {@link SparkEvent}. A line that is not one JSON
 * object with an "Event" string field is rejected with a short reason for the damaged-line report.
 * Task events, almost all lines of a log, take a fast path from the token stream into the event
 * with no JSON tree; the others are read as a tree and decoded by {@link JsonEventDecoder}.
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

    /** Receives each parsed event. */
    public interface EventSink {
        /** The event of one line; {@code name} is the event's name as written, without its package. */
        void event(String name, SparkEvent event);
    }

    private final TaskEvent taskEvent = new TaskEvent();

    /** Thrown for a line that is not an event; the message is the reason shown to users. */
    public static final class BadLineException extends Exception {
        public BadLineException(String reason) {
            super(reason);
        }
    }

    /** Parses one line and hands the event to {@code sink}; returns the event's name. */
    public String parse(byte[] buf, int off, int len, EventSink sink) throws BadLineException {
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
            // Spark writes "Event" first: the fast path. Any other order falls back to a full tree.
            if ("Event".equals(p.nextFieldName()) && p.nextToken() == JsonToken.VALUE_STRING) {
                String name = simpleName(p.getText());
                switch (name) {
                    case "SparkListenerTaskStart" -> {
                        TaskEventParser.parse(p, taskEvent);
                        expectEnd(p);
                        sink.event(name, taskEvent.toTaskStart());
                    }
                    case "SparkListenerTaskEnd" -> {
                        TaskEventParser.parse(p, taskEvent);
                        expectEnd(p);
                        sink.event(name, taskEvent.toTaskEnd());
                    }
                    case "SparkListenerTaskGettingResult" -> {
                        // Nothing in it the state uses, not even its time: skipped unread.
                        skipFields(p);
                        expectEnd(p);
                        sink.event(name, new OtherEvent(name, 0));
                    }
                    default -> {
                        Map<String, Object> fields = new java.util.LinkedHashMap<>();
                        String field;
                        while ((field = p.nextFieldName()) != null) {
                            p.nextToken();
                            fields.put(field, JsonAccess.read(p));
                        }
                        expectEnd(p);
                        sink.event(name, JsonEventDecoder.decode(name, fields));
                    }
                }
                return name;
            }
            return slowPath(buf, off, len, sink);
        } catch (StreamConstraintsException e) {
            throw new BadLineException("JSON exceeds a safety limit: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new BadLineException("invalid JSON: " + firstLine(e.getMessage()));
        }
    }

    private String slowPath(byte[] buf, int off, int len, EventSink sink) throws IOException, BadLineException {
        try (JsonParser p = factory.createParser(buf, off, len)) {
            p.nextToken();
            Map<String, Object> fields = JsonAccess.asObj(JsonAccess.read(p));
            expectEnd(p);
            Object event = fields == null ? null : fields.get("Event");
            if (!(event instanceof String fullName)) {
                throw new BadLineException("JSON object without an \"Event\" name");
            }
            String name = simpleName(fullName);
            sink.event(name, slowPathEvent(buf, off, len, name, fields));
            return name;
        }
    }

    /**
     * A task event whose "Event" is not its first field is read again from the token stream (the
     * task parser skips the "Event" field wherever it is); any other event is decoded from the tree.
     */
    private SparkEvent slowPathEvent(byte[] buf, int off, int len, String name, Map<String, Object> fields)
            throws IOException {
        boolean start = name.equals("SparkListenerTaskStart");
        if (!start && !name.equals("SparkListenerTaskEnd")) {
            return name.equals("SparkListenerTaskGettingResult") ? new OtherEvent(name, 0)
                    : JsonEventDecoder.decode(name, fields);
        }
        try (JsonParser p = factory.createParser(buf, off, len)) {
            p.nextToken();
            TaskEventParser.parse(p, taskEvent);
        }
        return start ? taskEvent.toTaskStart() : taskEvent.toTaskEnd();
    }

    private static void skipFields(JsonParser p) throws IOException {
        while (p.nextFieldName() != null) {
            p.nextToken();
            p.skipChildren();
        }
    }

    private static void expectEnd(JsonParser p) throws IOException, BadLineException {
        if (p.nextToken() != null) {
            throw new BadLineException("unexpected text after the JSON object");
        }
    }

    private static String simpleName(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
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

    /**
     * The first line of Jackson's message, as a damaged line's reason: at most about 200
     * characters, cut between code points. Jackson quotes the offending token, which can hold
     * any character of the line, and the reason is printed on the user's terminal and in every
     * report: a control character becomes a visible escape (backslash, u, four hex digits) and a
     * lone surrogate U+FFFD.
     */
    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        String s = nl < 0 ? message : message.substring(0, nl);
        StringBuilder out = new StringBuilder(Math.min(s.length(), 210));
        int i = 0;
        while (i < s.length() && out.length() < 200) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                out.append('\ufffd');
            } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029
                    || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
                String hex = Integer.toHexString(c);
                out.append("\\u").append("0000", hex.length(), 4).append(hex);
            } else {
                out.appendCodePoint(c);
            }
        }
        return i < s.length() ? out + "..." : out.toString();
    }
}
