#!/usr/bin/env bash
# Builds the benchmark jar and measures every loss's value plus gradient against the copy baseline, in one
# run, then prints a table of GB/s and the ratio of each loss to copy at the same size (issue 5, "Speed").
#
#   bench/run-loss-benchmarks.sh                       # all losses of LossBenchmark, about 4 minutes
#   bench/run-loss-benchmarks.sh -p loss=mse,l1        # extra JMH options are passed on (here: two losses)
#   bench/run-loss-benchmarks.sh -p warmedWith=all     # the shared loop compiled after all losses ran
#   JMH_SETTINGS='-f 1 -wi 1 -i 2' bench/run-loss-benchmarks.sh -p size=small    # a quick try
#
# Environment: JAVA_HOME (else `java` on the PATH) chooses the JVM that runs the benchmarks; OUT the folder
# for the results (default bench/target/loss-results); MVNW_ARGS the Maven options (default -o, offline:
# the dependencies are in the local repository once the project has been built; set MVNW_ARGS= to let
# Maven download them); SKIP_BUILD=1 uses the jar already built, JAR another one (a copy, so that a
# rebuild cannot change it under a running measurement); JMH_SETTINGS the forks, iterations and
# their times (JMH refuses an option given twice, so they are replaced here, not overridden by arguments).
set -euo pipefail
cd "$(dirname "$0")/.."

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
out="${OUT:-bench/target/loss-results}"
jar="${JAR:-bench/target/benchmarks.jar}"
mkdir -p "$out"

# shellcheck source=bench/bench-common.sh
source bench/bench-common.sh
bench_build

# Short settings, so that the ~33 runs take a few minutes: one fork per benchmark, 2 warm-up iterations of
# 1 s (enough for C2: the loop runs ≥ 10^5 times), 5 measured iterations of 0.5 s. The report uses each
# benchmark's best iteration (see bench/loss-report.py).
settings="${JMH_SETTINGS:--f 1 -wi 2 -w 1s -i 5 -r 500ms}"
# Each loss warmed with itself only (one loss per JVM, as in a training run), unless the arguments say.
warmed=(-p warmedWith=itself)
[[ " $* " == *"warmedWith="* ]] && warmed=()
bench_environment

rm -f "$out/jmh.json"
# One line per benchmark as it starts; JMH's full output is in jmh.log.
# shellcheck disable=SC2086  # settings is a list of options
"$java" -jar "$jar" 'dev.descent.bench.(CopyBaseline|LossBenchmark)' $settings "${warmed[@]}" \
    -rf json -rff "$out/jmh.json" "$@" > "$out/jmh.log" 2>&1 &
jmh=$!
tail -f "$out/jmh.log" --pid "$jmh" | grep --line-buffered -E '^# Parameters:|^Error|Exception' || true
if ! wait "$jmh" || [[ ! -s "$out/jmh.json" ]]; then
    echo "JMH failed; its output is in $out/jmh.log" >&2
    tail -20 "$out/jmh.log" >&2
    exit 1
fi

bench_load_after
"$java" -cp "$jar" dev.descent.bench.Traffic > "$out/traffic.tsv"
python3 bench/loss-report.py "$out/jmh.json" "$out/traffic.tsv" | tee "$out/table.md"
