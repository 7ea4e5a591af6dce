#!/usr/bin/env bash
# Sparkwise benchmark, one command from a clean clone:
#
#   bench/run.sh            # build, generate the big log once (cached), measure everything
#   RUNS=3 bench/run.sh     # fewer runs per figure
#
# Measures on ONE real Spark 4.0.1 event log (written once by sparkwise-bench's GenerateLog into
# ${SPARKWISE_BENCH_CACHE:-~/.cache/sparkwise-bench}):
#   (a) Spark's own History Server replay (SparkReplay), cold process and warm (in-process repeats)
#   (b) a bare Jackson token pass, (c) plain line / byte reading (BaselinePasses, in-process, best of N)
#   (d) `./sparkwise analyze LOG --format json --output /dev/null`, cold process, wall incl. JVM start
# run alternately (d)(a)(d)(a)... so the ratio (d)/(a) is taken pair by pair on a noisy machine;
# plus peak RSS (/usr/bin/time -v), peak heap (GC log), the smallest -Xmx each completes with, the
# zstd and rolling variants, and analyze of a small log. Results: $CACHE/results/<time>.md
set -euo pipefail

ROOT="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${SPARKWISE_BENCH_CACHE:-$HOME/.cache/sparkwise-bench}"
RUNS="${RUNS:-5}"            # cold runs of each command on the big log
VARIANT_RUNS="${VARIANT_RUNS:-3}"
SMALL_RUNS="${SMALL_RUNS:-10}"
WARM="${WARM:-3}"            # in-process repeats of Spark's replay after the cold one
SMALL_LOG="${SMALL_LOG:-$ROOT/../shared/eventlogs/spark4/plain/local-1795562771711}"
SKIP_XMX="${SKIP_XMX:-}"     # set to 1 to skip the smallest -Xmx search (the slowest part)
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
RESULTS="$CACHE/results/$STAMP.md"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$CACHE/results"

say() { echo "bench: $*" >&2; }

# --- build -----------------------------------------------------------------------------------
[ -x /usr/bin/time ] || { say "installing GNU time for peak RSS"; apt-get install -y -qq time >/dev/null; }
"$ROOT/sparkwise" --help >/dev/null    # the launcher builds the project on first use
BENCH_JAR="$(ls "$ROOT"/sparkwise-bench/target/sparkwise-bench-*.jar 2>/dev/null | grep -v -- '-sources\|-tests' | head -1 || true)"
if [ -z "$BENCH_JAR" ] || [ ! -f "$ROOT/sparkwise-bench/target/classpath.txt" ]; then
  say "building sparkwise-bench"
  (cd "$ROOT" && mvn -B -q -DskipTests package -pl sparkwise-bench -am) >&2
  BENCH_JAR="$(ls "$ROOT"/sparkwise-bench/target/sparkwise-bench-*.jar | grep -v -- '-sources\|-tests' | head -1)"
fi
BENCH_CP="$BENCH_JAR:$(<"$ROOT/sparkwise-bench/target/classpath.txt")"
# The JVM flags Spark 4 needs on Java 17: the one list kept in sparkwise-demo/pom.xml.
SPARK_FLAGS="$(grep -v '^#' "$ROOT/sparkwise-demo/target/classes/io/sparkwise/demo/jvm-options.txt" | tr -s ' \n' ' ')"
bench_java() { "$JAVA" $SPARK_FLAGS "$@"; }

# --- the logs --------------------------------------------------------------------------------
say "event logs in $CACHE (generated once; takes minutes the first time)"
bench_java -Xmx2g -cp "$BENCH_CP" io.sparkwise.bench.GenerateLog --cache "$CACHE" > "$WORK/logs"
PLAIN="$(awk '$2=="plain"{print $3}' "$WORK/logs")"
ZSTD="$(awk '$2=="zstd"{print $3}' "$WORK/logs")"
ROLLING="$(awk '$2=="rolling"{print $3}' "$WORK/logs")"
BYTES="$(stat -c %s "$PLAIN")"
MB="$(awk -v b="$BYTES" 'BEGIN{printf "%.1f", b/1e6}')"

# --- helpers ---------------------------------------------------------------------------------
# run1 NAME CMD...: one run under /usr/bin/time; appends "wall_s rss_kb exit" to $WORK/NAME
run1() {
  local name="$1"; shift
  /usr/bin/time -f '%e %M %x' -o "$WORK/t" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" || true
  tail -1 "$WORK/t" >> "$WORK/$name"
}
# stats NAME: "best median max_rss_mb failures" of the wall times recorded for NAME
stats() {
  sort -n -k1,1 "$WORK/$1" | awk '{w[NR]=$1; if ($2>r) r=$2; if ($3!=0) f++}
    END{printf "%.2f %.2f %.0f %d\n", w[1], w[int((NR+1)/2)], r/1024, f+0}'
}
ANALYZE=("$ROOT/sparkwise" analyze)
analyze_cmd() { echo "${ANALYZE[@]}" "$1" --format json --output /dev/null; }
replay_cmd() { echo "$JAVA" $SPARK_FLAGS -cp "$BENCH_CP" io.sparkwise.bench.SparkReplay "$1"; }

# pair NAME LOG N: analyze and replay alternately, N pairs; ratio per pair into $WORK/NAME.ratio
pair() {
  local name="$1" log="$2" n="$3" i a r
  "${ANALYZE[@]}" "$log" --format json --output /dev/null >/dev/null 2>&1 || true  # warm the page cache
  for ((i = 0; i < n; i++)); do
    run1 "$name.analyze" $(analyze_cmd "$log")
    run1 "$name.replay" $(replay_cmd "$log")
    a="$(tail -1 "$WORK/$name.analyze" | cut -d' ' -f1)"; r="$(tail -1 "$WORK/$name.replay" | cut -d' ' -f1)"
    awk -v a="$a" -v r="$r" 'BEGIN{printf "%.4f\n", a/r}' >> "$WORK/$name.ratio"
    say "$name pair $((i + 1))/$n: analyze ${a}s, Spark replay ${r}s"
  done
}
median_ratio() { sort -n "$WORK/$1.ratio" | awk '{v[NR]=$1} END{printf "%.3f %.3f\n", v[1], v[int((NR+1)/2)]}'; }

# peak_heap_mb CMD...: "after before committed" MB from the JVM's own GC log: the largest heap
# occupancy after a collection (the live set, plus old garbage not yet collected), the largest
# before one, and the largest committed heap. A 32 MB young generation makes collections frequent
# enough for the after-GC figure to follow the live set through the run.
peak_heap_mb() {
  rm -f "$WORK/gc.log"
  JDK_JAVA_OPTIONS="-Xmn32m -Xlog:gc:file=$WORK/gc.log" "$@" >/dev/null 2>&1 || true
  grep -o '[0-9]*M->[0-9]*M([0-9]*M)' "$WORK/gc.log" \
    | awk -F'[M>(-]' '{if ($4+0>a) a=$4+0; if ($1+0>b) b=$1+0; if ($6+0>c) c=$6+0} END{printf "%d %d %d\n", a, b, c}'
}

# smallest_xmx CMD...: bisect the smallest -Xmx (MB) with which CMD exits 0 within 4x its time
smallest_xmx() {
  local lo=4 hi=4096 mid limit
  limit="$(awk -v t="$XMX_BASE" 'BEGIN{printf "%d", t*4+30}')"
  while (( hi - lo > (hi / 20 > 4 ? hi / 20 : 4) )); do
    mid=$(( (lo + hi) / 2 ))
    if JDK_JAVA_OPTIONS="-Xmx${mid}m" timeout "$limit" "$@" >/dev/null 2>&1; then hi=$mid; else lo=$mid; fi
    say "  -Xmx${mid}m: $([ "$hi" = "$mid" ] && echo ok || echo failed)"
  done
  echo "$hi"
}

# --- measurements ----------------------------------------------------------------------------
say "log: $PLAIN ($MB MB); $RUNS cold pairs of (d) analyze and (a) Spark replay"
pair main "$PLAIN" "$RUNS"
EVENTS_LINE="$(grep -h '^replay' "$WORK/main.replay.out" | tail -1)"

say "(a) warm: Spark replay repeated $WARM times in one JVM"
bench_java -cp "$BENCH_CP" io.sparkwise.bench.SparkReplay "$PLAIN" --warm "$WARM" > "$WORK/warm.out"
WARM_MS="$(grep '^replay warm' "$WORK/warm.out" | awk '{print $3}' | sort -n | awk '{v[NR]=$1} END{printf "%d %d\n", v[1], v[int((NR+1)/2)]}')"

say "(b)(c) in-process passes, best of $RUNS"
"$JAVA" -cp "$BENCH_CP" io.sparkwise.bench.BaselinePasses "$PLAIN" --runs "$RUNS" > "$WORK/passes.out"

say "zstd variant: $VARIANT_RUNS pairs"
pair zstd "$ZSTD" "$VARIANT_RUNS"
say "rolling variant: $VARIANT_RUNS pairs"
pair rolling "$ROLLING" "$VARIANT_RUNS"

say "small log: $SMALL_RUNS runs of analyze $(basename "$SMALL_LOG")"
"${ANALYZE[@]}" "$SMALL_LOG" --format json --output /dev/null >/dev/null 2>&1 || true
for ((i = 0; i < SMALL_RUNS; i++)); do run1 small $(analyze_cmd "$SMALL_LOG"); done

say "peak heap (GC log)"
HEAP_OURS="$(peak_heap_mb $(analyze_cmd "$PLAIN"))"
HEAP_SPARK="$(peak_heap_mb $(replay_cmd "$PLAIN"))"

XMX_OURS="-"; XMX_SPARK="-"
if [ -z "$SKIP_XMX" ]; then
  say "smallest -Xmx for analyze"
  XMX_BASE="$(stats main.analyze | cut -d' ' -f2)"
  XMX_OURS="$(smallest_xmx $(analyze_cmd "$PLAIN"))"
  say "smallest -Xmx for Spark replay"
  XMX_BASE="$(stats main.replay | cut -d' ' -f2)"
  XMX_SPARK="$(smallest_xmx $(replay_cmd "$PLAIN"))"
fi

# --- report ----------------------------------------------------------------------------------
pass() { grep "^pass $1 " "$WORK/passes.out" | sed 's/.*best=\([0-9]*\) median=\([0-9]*\) MB\/s=\([0-9]*\).*/\1 \2 \3/'; }
mbs() { awk -v b="$BYTES" -v s="$1" 'BEGIN{printf "%.0f", b/1e6/s}'; }
row_cold() { # label statsname
  read -r best med rss fails <<<"$(stats "$1")"
  printf '| %s | %s | %s | %s | %s |%s\n' "$2" "$best" "$med" "$(mbs "$med")" "$rss" "$([ "$fails" = 0 ] || echo " $fails run(s) failed")"
}
{
  echo "### Results $STAMP"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $("$JAVA" -version 2>&1 | head -1), $(uname -sr)."
  echo "Log: \`$(basename "$PLAIN")\`, $MB MB uncompressed; Spark's replay: $EVENTS_LINE."
  echo "Zstd variant $(awk -v b="$(stat -c %s "$ZSTD")" 'BEGIN{printf "%.1f", b/1e6}') MB; rolling variant $(ls "$ROLLING" | grep -c '^events_') files."
  echo
  echo "| what | best s | median s | MB/s (median) | peak RSS MB |"
  echo "|---|---|---|---|---|"
  row_cold main.analyze "(d) \`sparkwise analyze\`, cold process"
  row_cold main.replay "(a) Spark replay (History Server), cold process"
  read -r wb wm <<<"$WARM_MS"
  echo "| (a) Spark replay, warm (in-process, $WARM repeats) | $(awk -v m="$wb" 'BEGIN{printf "%.2f", m/1000}') | $(awk -v m="$wm" 'BEGIN{printf "%.2f", m/1000}') | $(mbs "$(awk -v m="$wm" 'BEGIN{print m/1000}')") | |"
  for p in sparkwise jackson lines bytes; do
    read -r b m s <<<"$(pass $p)"
    case $p in
      sparkwise) label="Sparkwise EventLogReader, in-process warm (no CLI, rules, report)";;
      jackson) label="(b) bare Jackson token pass, in-process warm";;
      lines) label="(c) BufferedReader.readLine, in-process warm";;
      bytes) label="(c) byte scan for newlines, in-process warm";;
    esac
    echo "| $label | $(awk -v m="$b" 'BEGIN{printf "%.2f", m/1000}') | $(awk -v m="$m" 'BEGIN{printf "%.2f", m/1000}') | $(mbs "$(awk -v m="$m" 'BEGIN{print m/1000}')") | |"
  done
  row_cold zstd.analyze "zstd variant: \`sparkwise analyze\`, cold"
  row_cold zstd.replay "zstd variant: Spark replay, cold"
  row_cold rolling.analyze "rolling variant: \`sparkwise analyze\`, cold"
  row_cold rolling.replay "rolling variant: Spark replay, cold"
  read -r best med rss fails <<<"$(stats small)"
  echo "| small log ($(awk -v b="$(stat -c %s "$SMALL_LOG")" 'BEGIN{printf "%.0f", b/1e3}') KB): \`sparkwise analyze\`, cold | $best | $med | | $rss |"
  echo
  read -r rb rm <<<"$(median_ratio main)"
  echo "**Ratio (d)/(a) cold, pair by pair: median $rm (best $rb) — Sparkwise is $(awk -v r="$rm" 'BEGIN{printf "%.1f", 1/r}')x faster than Spark's cold replay.**"
  read -r zb zm <<<"$(median_ratio zstd)"; read -r lb lm <<<"$(median_ratio rolling)"
  echo "zstd variant ratio: median $zm; rolling variant ratio: median $lm."
  echo
  echo "| memory | sparkwise analyze | Spark replay |"
  echo "|---|---|---|"
  echo "| peak heap after GC, MB (live set; -Xmn32m, GC log) | $(cut -d' ' -f1 <<<"$HEAP_OURS") | $(cut -d' ' -f1 <<<"$HEAP_SPARK") |"
  echo "| peak heap before GC, MB | $(cut -d' ' -f2 <<<"$HEAP_OURS") | $(cut -d' ' -f2 <<<"$HEAP_SPARK") |"
  echo "| peak heap committed, MB | $(cut -d' ' -f3 <<<"$HEAP_OURS") | $(cut -d' ' -f3 <<<"$HEAP_SPARK") |"
  echo "| peak RSS, MB (largest over the cold runs) | $(stats main.analyze | cut -d' ' -f3) | $(stats main.replay | cut -d' ' -f3) |"
  echo "| smallest -Xmx that completes, MB (within 5%) | $XMX_OURS | $XMX_SPARK |"
} | tee "$RESULTS"
say "results written to $RESULTS"
