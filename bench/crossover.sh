#!/usr/bin/env bash
# DuckDB-vs-Spark crossover, one command from a clean clone (docs/decide.md):
#
#   bench/crossover.sh                                   # sizes 1M,4M,16M,32M rows, 3 timed runs each
#   SIZES=1000000,4000000 REPEATS=5 bench/crossover.sh
#
# The same three queries (scan-filter-aggregate, join, window) on the same generated Parquet files
# (written once into ${SPARKWISE_BENCH_CACHE:-~/.cache/sparkwise-bench}/crossover), with embedded
# DuckDB and with Spark 4.0.1 in local mode, both on CORES cores, in one JVM. Prints the markdown
# table and keeps it, with the raw timings and the machine's load, in $CACHE/results/crossover-<time>.md
set -euo pipefail

ROOT="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${SPARKWISE_BENCH_CACHE:-$HOME/.cache/sparkwise-bench}"
SIZES="${SIZES:-1000000,4000000,16000000,32000000}"
REPEATS="${REPEATS:-3}"
CORES="${CORES:-2}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
RESULTS="$CACHE/results/crossover-$(date -u +%Y%m%dT%H%M%SZ).md"
mkdir -p "$CACHE/results"

BENCH_JAR="$(ls "$ROOT"/sparkwise-bench/target/sparkwise-bench-*.jar 2>/dev/null | grep -v -- '-sources\|-tests' | head -1 || true)"
if [ -z "$BENCH_JAR" ] || [ ! -f "$ROOT/sparkwise-bench/target/classpath.txt" ]; then
  echo "crossover: building sparkwise-bench" >&2
  (cd "$ROOT" && mvn -B -q -DskipTests package -pl sparkwise-bench,sparkwise-demo -am) >&2
  BENCH_JAR="$(ls "$ROOT"/sparkwise-bench/target/sparkwise-bench-*.jar | grep -v -- '-sources\|-tests' | head -1)"
fi
SPARK_FLAGS="$(grep -v '^#' "$ROOT/sparkwise-demo/target/classes/io/sparkwise/demo/jvm-options.txt" | tr -s ' \n' ' ')"

{
  echo "Measured $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores; load before: $(uptime | sed 's/.*load average/load average/')"
  echo
  "$JAVA" $SPARK_FLAGS -Xmx4g -cp "$BENCH_JAR:$(<"$ROOT/sparkwise-bench/target/classpath.txt")" \
    io.sparkwise.bench.crossover.Crossover --sizes "$SIZES" --repeats "$REPEATS" --cores "$CORES" \
    --duckdb-memory 3GB --dir "$CACHE/crossover" 2> "$RESULTS.raw.tsv"
  echo
  echo "Load after: $(uptime | sed 's/.*load average/load average/')"
} | tee "$RESULTS"
echo "crossover: table in $RESULTS, raw timings in $RESULTS.raw.tsv" >&2
