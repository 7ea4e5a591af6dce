package io.sparkwise.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Runs one piece of work per input on worker threads and hands each outcome to the calling thread
 * in input order, as soon as it and every earlier one are done. At most {@code window} inputs are
 * in flight (running, or done and waiting for an earlier one), so memory is bounded by the window,
 * not by the number of inputs; and whatever the thread count, the caller sees the same sequence.
 */
final class ParallelInOrder {

    /** What one input gave: a value, or what its work threw (an {@link Error} too: the caller decides). */
    record Outcome<I, O>(I input, O value, Throwable failure) {

        Outcome {
            requireNonNull(input, "input is null");
            if ((value == null) == (failure == null)) {
                throw new IllegalArgumentException("an outcome is a value or a failure");
            }
        }
    }

    /** Takes outcomes on the calling thread; throwing stops the run (work in flight is abandoned). */
    @FunctionalInterface
    interface Consumer<I, O, X extends Exception> {
        void accept(Outcome<I, O> outcome) throws X;
    }

    private final int threads;
    private final int window;

    /**
     * @param threads worker threads
     * @param window inputs in flight at most; at least {@code threads}, so no worker waits for the caller
     */
    ParallelInOrder(int threads, int window) {
        if (threads < 1 || window < threads) {
            throw new IllegalArgumentException("need 1 <= threads <= window, got " + threads + " and " + window);
        }
        this.threads = threads;
        this.window = window;
    }

    /** The window the CLI uses: each worker may finish one input ahead of the one being written. */
    static ParallelInOrder withThreads(int threads) {
        return new ParallelInOrder(threads, 2 * threads);
    }

    <I, O, X extends Exception> void run(List<I> inputs, Function<I, O> work, Consumer<I, O, X> consumer) throws X {
        ExecutorService workers = Executors.newFixedThreadPool(threads, new Workers());
        try {
            Deque<Pending<I, O>> inFlight = new ArrayDeque<>();
            int next = 0;
            while (next < inputs.size() || !inFlight.isEmpty()) {
                while (next < inputs.size() && inFlight.size() < window) {
                    I input = inputs.get(next++);
                    inFlight.add(new Pending<>(input, workers.submit(() -> work.apply(input))));
                }
                // Removed before it is consumed, so the outcome is garbage as soon as the consumer lets go of it.
                consumer.accept(inFlight.removeFirst().await());
            }
        } finally {
            workers.shutdownNow();
        }
    }

    /** An input and its work, running or done. */
    private record Pending<I, O>(I input, Future<O> future) {

        Outcome<I, O> await() {
            try {
                return new Outcome<>(input, requireNonNull(future.get(), "work returned null"), null);
            } catch (ExecutionException e) {
                // Whatever the work threw, an OutOfMemoryError too: the caller reports it with its input.
                return new Outcome<>(input, null, e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a worker", e);
            }
        }
    }

    /** Daemon threads: a run stopped early must not keep the JVM alive for work nobody will read. */
    private static final class Workers implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "sparkwise-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
