package io.sparkwise.cli;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParallelInOrderTest {

    private static final List<Integer> INPUTS = IntStream.range(0, 200).boxed().toList();

    /** Later inputs finish first: a worker sleeps less the further the input is. */
    private static String slowFirst(int input) {
        try {
            Thread.sleep((200 - input) % 7);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "v" + input;
    }

    @Test
    void run_workFinishingOutOfOrder_handsOutcomesInInputOrder() {
        List<Integer> seen = new ArrayList<>();

        new ParallelInOrder(4, 8).run(INPUTS, ParallelInOrderTest::slowFirst, outcome -> {
            assertThat(outcome.value()).isEqualTo("v" + outcome.input());
            seen.add(outcome.input());
        });

        assertThat(seen).isEqualTo(INPUTS);
    }

    @Test
    void run_manyInputs_neverMoreThanTheWindowInFlight() {
        AtomicInteger started = new AtomicInteger();
        AtomicInteger consumed = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();

        new ParallelInOrder(3, 5).run(INPUTS, input -> {
            mostInFlight.accumulateAndGet(started.incrementAndGet() - consumed.get(), Math::max);
            return slowFirst(input);
        }, outcome -> consumed.incrementAndGet());

        assertThat(mostInFlight.get()).isBetween(1, 5);
        assertThat(consumed.get()).isEqualTo(INPUTS.size());
    }

    @Test
    void run_oneInputThrows_isAnOutcomeAndTheOthersGoOn() {
        List<String> seen = new ArrayList<>();

        new ParallelInOrder(2, 4).run(List.of(1, 2, 3), input -> {
            if (input == 2) {
                throw new IllegalStateException("bad " + input);
            }
            return "v" + input;
        }, outcome -> seen.add(outcome.failure() == null ? outcome.value() : outcome.failure().getMessage()));

        assertThat(seen).containsExactly("v1", "bad 2", "v3");
    }

    @Test
    void run_workRunsOutOfMemory_isAnOutcomeNamingItsInput() {
        List<String> seen = new ArrayList<>();

        new ParallelInOrder(1, 1).run(List.of("a", "b"), input -> {
            if (input.equals("b")) {
                throw new OutOfMemoryError("Java heap space");
            }
            return input;
        }, outcome -> seen.add(outcome.input() + ":" + (outcome.failure() == null ? "ok" : outcome.failure())));

        assertThat(seen).containsExactly("a:ok", "b:java.lang.OutOfMemoryError: Java heap space");
    }

    @Test
    void run_consumerThrows_stopsTheRun() {
        AtomicInteger consumed = new AtomicInteger();

        assertThatThrownBy(() -> new ParallelInOrder(2, 4).<Integer, String, Exception>run(INPUTS, ParallelInOrderTest::slowFirst,
                outcome -> {
                    if (consumed.incrementAndGet() == 3) {
                        throw new Exception("stop");
                    }
                })).hasMessage("stop");
        assertThat(consumed.get()).isEqualTo(3);
    }

    @Test
    void new_windowSmallerThanThreads_isRefused() {
        assertThatThrownBy(() -> new ParallelInOrder(4, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("need 1 <= threads <= window, got 4 and 2");
    }
}
