package io.sparkwise.cli;

import io.sparkwise.engine.Sparkwise;

import static java.util.Objects.requireNonNull;

/**
 * Logs found and read by the engine ({@link Sparkwise#discover}, {@link Sparkwise#read}): the
 * {@link ApplicationSource} of the commands that read through the library, as every front end
 * does.
 */
final class EngineSource {

    private EngineSource() {
    }

    static ApplicationSource of(Sparkwise engine) {
        requireNonNull(engine, "engine is null");
        return path -> engine.discover(path).stream()
                .map(log -> new ApplicationSource.PendingRead(log.name(), log.size(), progress -> engine.read(log, progress)))
                .toList();
    }
}
