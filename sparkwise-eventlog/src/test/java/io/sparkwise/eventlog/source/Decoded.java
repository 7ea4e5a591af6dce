package io.sparkwise.eventlog.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What reading a stream to its end gave: the bytes, and the error that stopped it, if any. */
record Decoded(byte[] bytes, Optional<IOException> error) {

    static Decoded file(Path file) {
        return part(new LogPart(file.toString(), sizeOf(file), Codec.fromFileName(file.toString()),
                () -> Files.newInputStream(file)));
    }

    static Decoded part(LogPart part) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = part.open()) {
            in.transferTo(out);
            return new Decoded(out.toByteArray(), Optional.empty());
        } catch (IOException e) {
            return new Decoded(out.toByteArray(), Optional.of(e));
        }
    }

    String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    List<String> lines() {
        return text().lines().toList();
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
