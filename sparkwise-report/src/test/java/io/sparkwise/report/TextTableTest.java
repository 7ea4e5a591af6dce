package io.sparkwise.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextTableTest {

    @Test
    void lines_mixedColumns_alignsTextLeftAndNumbersRight() {
        TextTable table = new TextTable("NAME", "COUNT>").row("a", "1").row("longer", "100");

        assertThat(table.lines("  ")).containsExactly(
                "  NAME    COUNT",
                "  a           1",
                "  longer    100");
    }

    @Test
    void row_wrongCellCount_isRejected() {
        assertThatThrownBy(() -> new TextTable("A", "B").row("only one"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected 2 cells, got 1");
    }

    @Test
    void lines_titleRows_standAloneAndDoNotWidenTheFirstColumn() {
        TextTable table = new TextTable("NAME", "TIME>").title("a long section title").row("x", "1 s");

        assertThat(table.lines("  ")).containsExactly(
                "  NAME  TIME",
                "  a long section title",
                "  x      1 s");
    }

    @Test
    void row_cellsWithLineBreaksAndEscapes_stayOnTheirRow() {
        TextTable table = new TextTable("NAME", "COUNT>").row("a\nb\u001b[2J", "1");

        assertThat(table.lines("")).containsExactly(
                "NAME           COUNT",
                "a\\nb\\u001b[2J      1");
    }
}
