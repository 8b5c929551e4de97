#!/usr/bin/env python3
"""Puts OptimizerBenchmark's JMH result beside torch_optimizer_step.py's timings: one table of ratios.

usage: optimizer-report.py JMH_JSON TORCH_TSV [TORCH_TSV ...]

Each figure is the best iteration (Descent) or the best batch of steps (PyTorch): on a shared machine other
processes can only slow a measurement down. speed-up = PyTorch's time / Descent's time, so above 1 means
Descent's step is faster. Standard library only.
"""
import json
import sys


def main(jmh_json, *torch_tsvs):
    with open(jmh_json) as f:
        results = json.load(f)
    descent = {}
    for r in results:
        metric = r["primaryMetric"]
        if metric["scoreUnit"] != "us/op":
            sys.exit("expected us/op, got " + metric["scoreUnit"])
        iterations = [v for fork in metric["rawData"] for v in fork]
        descent[(r["params"]["optimizer"], int(r["params"]["parameters"]))] = (min(iterations), metric["score"])
    torch = {}  # (spec, size) -> {threads: best}
    notes = []
    for path in torch_tsvs:
        with open(path) as f:
            for line in f:
                if line.startswith("#"):
                    notes.append(line[1:].strip())
                    continue
                spec, size, threads, best, _median = line.rstrip("\n").split("\t")
                torch.setdefault((spec, int(size)), {})[int(threads)] = float(best)
    threads = sorted({t for timings in torch.values() for t in timings})
    header = ["optimizer", "parameters", "Descent µs/step best (mean)"]
    for t in threads:
        header += ["PyTorch foreach, %d thread%s, µs/step" % (t, "" if t == 1 else "s"), "speed-up"]
    print("| " + " | ".join(header) + " |")
    print("| " + " | ".join(["---", "---:"] + ["---:"] * (len(header) - 2)) + " |")
    for (spec, size), (best, mean) in descent.items():
        row = [spec, "{:,}".format(size), "%.0f (%.0f)" % (best, mean)]
        for t in threads:
            reference = torch.get((spec, size), {}).get(t)
            row += ["n/a", "n/a"] if reference is None else ["%.0f" % reference, "%.2f" % (reference / best)]
        print("| " + " | ".join(row) + " |")
    for note in notes:
        print("\n" + note)


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(*sys.argv[1:])
