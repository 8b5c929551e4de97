#!/usr/bin/env python3
"""Turns a JMH JSON result of LossBenchmark and CopyBaseline into a table of GB/s and ratios to copy.

usage: loss-report.py JMH_JSON TRAFFIC_TSV

TRAFFIC_TSV is what `java -cp benchmarks.jar dev.descent.bench.Traffic` prints: the bytes one operation
moves. GB/s = bytes / (ns per operation). Two figures per row:
  best: the fastest measurement iteration. Another process on a shared machine can only slow an
        iteration down, so the best one is the least disturbed; the ratios use it.
  mean: JMH's score (mean over iterations), with its 99.9% error, to show how noisy the run was.
ratio = loss GB/s / copy GB/s at the same size, both best, from the same run. Standard library only.
"""
import json
import sys

SIZES = ["small", "medium", "large"]
SHAPES = {"small": "[32, 10]", "medium": "[256, 1000]", "large": "[16384, 1024]"}


def main(jmh_json, traffic_tsv):
    traffic = {}
    with open(traffic_tsv) as f:
        for line in f:
            kind, loss, size, nbytes = line.rstrip("\n").split("\t")
            traffic[(kind, loss, size)] = int(nbytes)
    with open(jmh_json) as f:
        results = json.load(f)

    rows = {}  # (kind, loss, size, warmed) -> (best ns, mean ns, error ns)
    for r in results:
        kind = "copy" if r["benchmark"].endswith("CopyBaseline.copy") else "loss"
        params = r.get("params", {})
        loss = params.get("loss", "-")
        size = params["size"]
        warmed = params.get("warmedWith", "-")
        metric = r["primaryMetric"]
        if metric["scoreUnit"] != "ns/op":
            sys.exit("expected ns/op, got " + metric["scoreUnit"])
        iterations = [v for fork in metric["rawData"] for v in fork]
        error = float(metric["scoreError"])  # "NaN" with fewer than 3 iterations
        rows[(kind, loss, size, warmed)] = (min(iterations), metric["score"], error)

    copy = {size: traffic[("copy", "-", size)] / best
            for (kind, _, size, _), (best, _, _) in rows.items() if kind == "copy"}
    print("| benchmark | size | warmed with | ns/op best | ns/op mean ± error | GB/s best | ratio to copy |")
    print("| --- | --- | --- | ---: | ---: | ---: | ---: |")
    order = []
    for key in rows:
        if key[1] not in order:
            order.append(key[1])
    for loss in order:
        for warmed in sorted({k[3] for k in rows if k[1] == loss}):
            for size in SIZES:
                key = ("copy" if loss == "-" else "loss", loss, size, warmed)
                if key not in rows:
                    continue
                best, mean, error = rows[key]
                gbs = traffic[(key[0], loss, size)] / best
                ratio = "%.2f" % (gbs / copy[size]) if size in copy else "n/a"
                name = "copy (baseline)" if loss == "-" else loss
                print("| %s | %s %s | %s | %s | %s ± %s | %.1f | %s |" % (
                    name, size, SHAPES[size], warmed, fmt(best), fmt(mean), fmt(error), gbs, ratio))


def fmt(ns):
    """ns with three significant digits, and a unit that keeps the number short."""
    if ns != ns:
        return "n/a"
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return "%.3g %s" % (ns / scale, unit)
    return "%.3g ns" % ns


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
