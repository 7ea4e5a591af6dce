#!/usr/bin/env bash
# The simulator's accuracy against real reruns (docs/simulator.md, "Accuracy"):
#
#   bench/simulator-accuracy.sh [OUT_DIR] [REPEATS]     # default target dir, 2 repeats (~35 min on 2 shared cores)
#   MODE=local bench/simulator-accuracy.sh OUT_DIR 1     # local[1|2|4]: task threads in one JVM, no executor JVMs
#
# Runs (one JVM per application) each sleeping-task workload of sparkwise-bench's SleepWorkload for real in local-cluster mode
# with 1, 2 and 4 executors of 1 core, REPEATS times; predicts every executor count from every run's
# event log with the simulator; prints the Markdown table (also written to OUT_DIR/accuracy.md)
# with the median and worst absolute percentage error. Event logs stay in OUT_DIR/eventlogs.
set -euo pipefail

ROOT="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$ROOT/sparkwise-bench/target/simulator-accuracy}"
REPEATS="${2:-2}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

(cd "$ROOT" && mvn -B -q -DskipTests package -pl sparkwise-bench -am) >&2
mkdir -p "$OUT"
# local-cluster starts executor JVMs as spark-class would: from $SPARK_HOME/jars (SparkHome links them).
export SPARK_HOME="$ROOT/sparkwise-bench/target/spark-home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
CP="$ROOT/sparkwise-bench/target/classes:$(cat "$ROOT/sparkwise-bench/target/classpath.txt")"
RUN=("$JAVA" -Xmx1g $(grep -v "^#" "$ROOT/sparkwise-demo/target/classes/io/sparkwise/demo/jvm-options.txt") -cp "$CP"
     io.sparkwise.bench.simulator.SimulatorAccuracy)
rm -f "$OUT/runs.tsv"
for repeat in $(seq "$REPEATS"); do
  for executors in 1 2 4; do
    for workload in waves straggler branches; do
      echo "simulator-accuracy: $workload on $executors executors, repeat $repeat" >&2
      "${RUN[@]}" run "$workload" "$executors" "$OUT" ${MODE:+"$MODE"} 2>>"$OUT/spark.log"
    done
  done
done
"${RUN[@]}" report "$OUT"
