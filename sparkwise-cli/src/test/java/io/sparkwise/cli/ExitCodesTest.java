package io.sparkwise.cli;

import io.sparkwise.model.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExitCodesTest {

    @Test
    void of_everyErrorCode_exitsAsDesignMdDocuments() {
        Map<ErrorCode, Integer> exits = new EnumMap<>(ErrorCode.class);
        for (ErrorCode code : ErrorCode.values()) {
            exits.put(code, ExitCodes.of(code));
        }

        // DESIGN.md, "Exit codes": 2 usage error; 3 no input could be read.
        assertThat(exits).containsExactlyInAnyOrderEntriesOf(Map.of(
                ErrorCode.USAGE, 2,
                ErrorCode.INPUT_NOT_FOUND, 3,
                ErrorCode.NOT_AN_EVENT_LOG, 3,
                ErrorCode.READ_FAILED, 3,
                ErrorCode.NOTHING_TO_SIMULATE, 3,
                ErrorCode.MALFORMED_INPUT, 3));
    }
}
