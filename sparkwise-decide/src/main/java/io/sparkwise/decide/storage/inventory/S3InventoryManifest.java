package io.sparkwise.decide.storage.inventory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sparkwise.model.ErrorCode;
import io.sparkwise.model.SparkwiseException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An S3 Inventory report's {@code manifest.json}: the format, the CSV column order
 * ({@code fileSchema}) and the data files. The data files' keys are keys in the destination
 * bucket ({@code prefix/source-bucket/config-ID/data/<name>}); a downloaded report keeps that
 * layout, so each is looked up by name in {@code ../data/} next to the manifest's folder, then in
 * {@code data/} and the manifest's own folder.
 */
record S3InventoryManifest(Path file, String sourceBucket, String fileFormat, String fileSchema, List<Path> dataFiles) {

    static S3InventoryManifest read(Path manifest) {
        String sourceBucket = "";
        String format = null;
        String schema = null;
        List<String> keys = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(Files.newInputStream(manifest))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw malformed(manifest, "not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "sourceBucket" -> sourceBucket = p.getValueAsString("");
                    case "fileFormat" -> format = p.getValueAsString();
                    case "fileSchema" -> schema = p.getValueAsString();
                    case "files" -> keys.addAll(fileKeys(p, manifest));
                    default -> p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
            throw malformed(manifest, line + "not valid JSON (" + withoutSourceLocation(e.getOriginalMessage()) + ")");
        } catch (IOException e) {
            throw new SparkwiseException(ErrorCode.READ_FAILED, "cannot read " + manifest + ": " + e.getMessage(), e);
        }
        if (format == null || schema == null) {
            throw malformed(manifest, "no " + (format == null ? "fileFormat" : "fileSchema")
                    + ": is this an S3 Inventory manifest.json?");
        }
        if (keys.isEmpty()) {
            throw malformed(manifest, "lists no data files");
        }
        List<Path> files = new ArrayList<>();
        for (String key : keys) {
            files.add(locate(manifest, key));
        }
        return new S3InventoryManifest(manifest, sourceBucket, format.toUpperCase(Locale.ROOT), schema, files);
    }

    private static List<String> fileKeys(JsonParser p, Path manifest) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw malformed(manifest, "files is not an array");
        }
        List<String> keys = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("key")) {
                    String key = p.getValueAsString();
                    if (key == null || key.isBlank()) {
                        throw malformed(manifest, "a files entry has no key");
                    }
                    keys.add(key);
                } else {
                    p.skipChildren();
                }
            }
        }
        return keys;
    }

    private static Path locate(Path manifest, String key) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        Path dir = manifest.toAbsolutePath().getParent();
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(dir.getParent()).ifPresent(config -> candidates.add(config.resolve("data").resolve(name)));
        candidates.add(dir.resolve("data").resolve(name));
        candidates.add(dir.resolve(name));
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() ->
                new SparkwiseException(ErrorCode.INPUT_NOT_FOUND, manifest + " lists " + key
                        + ", not found locally (looked for " + candidates + ")"));
    }

    /** Jackson appends "(start marker at [Source: ...; line: 1, column: 1])": parser internals, the line is said already. */
    private static String withoutSourceLocation(String message) {
        int source = message.indexOf(" (start marker at [Source:");
        return source < 0 ? message : message.substring(0, source);
    }

    private static SparkwiseException malformed(Path manifest, String what) {
        return new SparkwiseException(ErrorCode.MALFORMED_INPUT, manifest + ": " + what);
    }
}
