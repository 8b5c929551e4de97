#!/usr/bin/env bash
# Trains the seed's MLP (784-64-64-10, relu, relu, softmax, mse on one-hot targets, adam) for whole epochs
# over 60,000 random examples in Descent (JMH MlpTrainingBenchmark, through Trainer.fit, with -prof gc) and in
# PyTorch (bench/torch_mlp.py, 1 thread and all cores), in one run on this machine, and prints samples/s,
# the ratio Descent / best PyTorch and Descent's bytes per step (issue 12). Needs Debian's python3-torch and
# libopenblas0-pthread for the PyTorch half (torch_mlp.py refuses the reference BLAS); without them, or with
# BENCH_FRAMEWORKS=descent, only Descent's figures are printed.
#
#   bench/run-mlp-benchmark.sh                     # batches 32 and 256, about 4 minutes with today's kernels
#   bench/run-mlp-benchmark.sh --quick             # 1 warm-up and 1 measured iteration each, about 2 minutes
#   bench/run-mlp-benchmark.sh -p batch=32         # extra JMH options are passed on; PyTorch follows the
#   bench/run-mlp-benchmark.sh -p loss=cross_entropy    # batch sizes and losses JMH measured
#
# Environment as bench/run-loss-benchmarks.sh: JAVA_HOME, OUT (default bench/target/mlp-results), MVNW_ARGS,
# SKIP_BUILD=1, JAR, JMH_SETTINGS (default: MlpTrainingBenchmark's annotations, 1 fork, 3 warm-up and 3
# measured iterations of at least one epoch each); PYTHON (default /usr/bin/python3), TORCH_EPOCHS (timed
# epochs per batch size, default 3, after one warm-up epoch), BENCH_FRAMEWORKS (descent,pytorch).
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0
if [[ "${1:-}" == --quick ]]; then
    quick=1
    shift
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
python="${PYTHON:-/usr/bin/python3}"
out="${OUT:-bench/target/mlp-results}"
jar="${JAR:-bench/target/benchmarks.jar}"
frameworks="${BENCH_FRAMEWORKS:-descent,pytorch}"
mkdir -p "$out"

# shellcheck source=bench/bench-common.sh
source bench/bench-common.sh
bench_build

bench_environment

# An invocation is one epoch (seconds with today's scalar kernels), so iterations of 1 s are one epoch each.
if [[ $quick == 1 ]]; then
    settings="${JMH_SETTINGS:--f 1 -wi 1 -i 1}"
    torch_epochs="${TORCH_EPOCHS:-1}"
else
    settings="${JMH_SETTINGS:--f 1}"
    torch_epochs="${TORCH_EPOCHS:-3}"
fi
rm -f "$out/jmh.json" "$out"/torch-*.jsonl
if [[ ",$frameworks," != *,descent,* ]]; then
    echo "BENCH_FRAMEWORKS=$frameworks: Descent is measured anyway (the table is built around it)" >&2
fi
# One line per benchmark as it starts; JMH's full output is in jmh.log.
# shellcheck disable=SC2086  # settings is a list of options
"$java" -jar "$jar" 'dev.descent.bench.MlpTrainingBenchmark' $settings -prof gc -rf json -rff "$out/jmh.json" "$@" \
    > "$out/jmh.log" 2>&1 &
jmh=$!
tail -f "$out/jmh.log" --pid "$jmh" | grep --line-buffered -E '^# Parameters:|^Error|Exception' || true
if ! wait "$jmh" || [[ ! -s "$out/jmh.json" ]]; then
    echo "JMH failed; its output is in $out/jmh.log" >&2
    tail -20 "$out/jmh.log" >&2
    exit 1
fi

torch_results=()
if [[ ",$frameworks," != *,pytorch,* ]]; then
    echo "BENCH_FRAMEWORKS=$frameworks: no PyTorch run" >&2
elif ! "$python" -c 'import torch' 2>/dev/null; then
    echo "no PyTorch for $python: printing Descent's figures only" >&2
else
    # The batch sizes and losses JMH measured, so that -p batch=... / -p loss=... apply to both.
    read -r batches losses < <(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
print(" ".join(sorted({x["params"]["batch"] for x in r}, key=int)).replace(" ", ","),
      " ".join(sorted({x["params"]["loss"] for x in r})).replace(" ", ","))' "$out/jmh.json")
    for threads in 1 "$(nproc)"; do
        for loss in ${losses//,/ }; do
            # shellcheck disable=SC2086  # the batch sizes are a list
            if ! "$python" bench/torch_mlp.py --threads "$threads" --loss "$loss" --batch ${batches//,/ } \
                    --epochs "$torch_epochs" > "$out/torch-$threads-$loss.jsonl" 2> "$out/torch-$threads-$loss.log"; then
                echo "torch_mlp.py failed (no PyTorch figures for $threads thread(s), $loss):" >&2
                cat "$out/torch-$threads-$loss.log" >&2
                rm -f "$out/torch-$threads-$loss.jsonl"
                continue
            fi
            head -1 "$out/torch-$threads-$loss.log" | tee -a "$out/environment.txt"
            torch_results+=("$out/torch-$threads-$loss.jsonl")
        done
    done
fi
bench_load_after
samples="$("$java" -cp "$jar" dev.descent.bench.MlpTrainingBenchmark)"
python3 bench/mlp-report.py "$out/jmh.json" "$samples" "${torch_results[@]}" | tee "$out/table.md"
