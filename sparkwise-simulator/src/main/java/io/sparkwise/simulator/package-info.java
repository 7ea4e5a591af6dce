/**
 * What-if scheduling simulator: replays an application's real stage DAG and task durations on
 * another cluster and predicts wall time, executor time and utilization. Depends on the model only.
 *
 * <h2>API (stable names)</h2>
 * <ul>
 *   <li>{@link io.sparkwise.simulator.Simulator#of(io.sparkwise.model.Application)}: prepares one
 *       application (throws a {@code SparkwiseException} with {@code NOTHING_TO_SIMULATE} when no
 *       task succeeded); {@link io.sparkwise.simulator.Simulator#simulate(io.sparkwise.simulator.ClusterOption)}
 *       replays it, as often as needed; the static
 *       {@link io.sparkwise.simulator.Simulator#simulate(io.sparkwise.model.Application, io.sparkwise.simulator.ClusterOption)}
 *       does both.</li>
 *   <li>{@link io.sparkwise.simulator.ClusterOption}: {@code fixed(executors, coresPerExecutor)} or
 *       {@code dynamic(min, max, coresPerExecutor)} (Spark's dynamic allocation policy with the
 *       log's timeouts, see {@link io.sparkwise.simulator.AllocationTimeouts}).</li>
 *   <li>{@link io.sparkwise.simulator.SimulationResult}: {@code predictedWallTimeMs},
 *       {@code executorMs} (executor time allocated, for cost), {@code allocatedCoreMs},
 *       {@code busyCoreMs}, {@code utilization()}, {@code driverOnlyMs} (the serial part: no task
 *       running), {@code peakExecutors}.</li>
 *   <li>{@link io.sparkwise.simulator.Simulator#selfCheck()}: the replay on the executors the log
 *       really had against the real wall time; {@link io.sparkwise.simulator.Simulator#asRun()}: that
 *       cluster's shape; {@link io.sparkwise.simulator.Simulator#unboundedWallTimeMs()}: the floor no
 *       cluster size gets below; {@link io.sparkwise.simulator.Simulator#whatIf(java.util.List)}: all
 *       of it for a list of options, with the knee marked.</li>
 * </ul>
 *
 * <p>The model, what it leaves out and its measured accuracy: docs/simulator.md.
 */
package io.sparkwise.simulator;
