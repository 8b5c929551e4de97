#!/usr/bin/env bash
# Measures one optimizer step over 1M and 10M parameters in Descent (JMH OptimizerBenchmark) and in PyTorch
# (bench/torch_optimizer_step.py, foreach implementation, 1 thread and all cores), in one run, and prints
# the ratios (issue 6, "Speed"). Needs Debian's python3-torch for the PyTorch half (apt-get install
# python3-torch); without it only Descent's times are printed.
#
#   bench/run-optimizer-benchmarks.sh                          # everything, about 6 minutes
#   bench/run-optimizer-benchmarks.sh -p optimizer=adam        # extra JMH options are passed on
#
# Environment as bench/run-loss-benchmarks.sh: JAVA_HOME, OUT (default bench/target/optimizer-results),
# MVNW_ARGS, SKIP_BUILD=1, JAR, JMH_SETTINGS; PYTHON (default /usr/bin/python3).
set -euo pipefail
cd "$(dirname "$0")/.."

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
python="${PYTHON:-/usr/bin/python3}"
out="${OUT:-bench/target/optimizer-results}"
jar="${JAR:-bench/target/benchmarks.jar}"
mkdir -p "$out"

# shellcheck source=bench/bench-common.sh
source bench/bench-common.sh
bench_build

bench_environment

# 3 warm-up iterations of 1 s and 5 measured iterations of 1 s: a 10M-parameter step takes tens of ms.
settings="${JMH_SETTINGS:--f 1 -wi 3 -w 1s -i 5 -r 1s}"
rm -f "$out/jmh.json"
# shellcheck disable=SC2086  # settings is a list of options
"$java" -jar "$jar" 'dev.descent.bench.OptimizerBenchmark' $settings -rf json -rff "$out/jmh.json" "$@" \
    > "$out/jmh.log" 2>&1 || { echo "JMH failed; its output is in $out/jmh.log" >&2; tail -20 "$out/jmh.log" >&2; exit 1; }

torch_results=()
if "$python" -c 'import torch' 2>/dev/null; then
    for threads in 1 "$(nproc)"; do
        "$python" bench/torch_optimizer_step.py --threads "$threads" > "$out/torch-$threads.tsv"
        torch_results+=("$out/torch-$threads.tsv")
    done
else
    echo "no PyTorch for $python: printing Descent's times only" >&2
fi
bench_load_after
python3 bench/optimizer-report.py "$out/jmh.json" "${torch_results[@]}" | tee "$out/table.md"
