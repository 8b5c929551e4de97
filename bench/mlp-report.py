#!/usr/bin/env python3
"""Puts MlpTrainingBenchmark's JMH result beside torch_mlp.py's: JSON lines, then one table.

usage: mlp-report.py JMH_JSON SAMPLES [TORCH_JSONL ...]

SAMPLES is the number of examples per epoch (MlpTrainingBenchmark's main prints it). Descent's samples/s is
its best iteration (with the mean of the iterations in brackets), PyTorch's its best epoch: on a shared
machine other processes can only slow a measurement down. Descent / best PyTorch uses the best PyTorch
thread count at that batch size, so above 1 means Descent trains faster. Bytes per step is JMH's
gc.alloc.rate.norm (bytes per sample, from -prof gc) times the samples per epoch over the steps per epoch:
a whole epoch's allocation, the Trainer's per-fit records included, spread over its steps. Standard library
only.
"""
import json
import statistics
import sys


def steps(samples, batch):
    return -(-samples // batch)  # the last batch holds the rest, as Trainer's


def main(jmh_json, samples, *torch_jsonls):
    samples = int(samples)
    with open(jmh_json) as f:
        results = json.load(f)
    descent = {}  # (batch, loss) -> record
    for r in results:
        metric = r["primaryMetric"]
        if metric["scoreUnit"] != "ops/s":
            sys.exit("expected ops/s (samples/s), got " + metric["scoreUnit"])
        batch, loss = int(r["params"]["batch"]), r["params"]["loss"]
        iterations = [v for fork in metric["rawData"] for v in fork]
        norm = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
        descent[(batch, loss)] = {
            "best": max(iterations), "mean": metric["score"],
            "median_epoch_s": samples / statistics.median(iterations),
            "bytes_per_step": None if norm is None else norm["score"] * samples / steps(samples, batch),
        }
    torch = {}  # (batch, loss) -> {threads: record}
    for path in torch_jsonls:
        with open(path) as f:
            for line in f:
                if line.strip():
                    record = json.loads(line)
                    torch.setdefault((record["batch"], record["loss"]), {})[record["threads"]] = record
    threads = sorted({t for by_threads in torch.values() for t in by_threads})

    for (batch, loss), d in sorted(descent.items()):
        print(json.dumps({"framework": "descent", "batch": batch, "loss": loss, "threads": 1,
                          "samples_per_s": round(d["best"], 1), "median_epoch_s": round(d["median_epoch_s"], 4),
                          "bytes_per_step": None if d["bytes_per_step"] is None else round(d["bytes_per_step"])}))
    for key in sorted(torch):
        for t in sorted(torch[key]):
            print(json.dumps(torch[key][t]))

    print()
    header = ["batch", "loss", "Descent samples/s best (mean)"]
    header += ["PyTorch %d thread%s" % (t, "" if t == 1 else "s") for t in threads]
    if threads:
        header += ["best PyTorch", "Descent / best PyTorch"]
    header += ["Descent bytes/step"]
    print("| " + " | ".join(header) + " |")
    print("| " + " | ".join(["---:", "---"] + ["---:"] * (len(header) - 2)) + " |")
    for (batch, loss), d in sorted(descent.items()):
        row = [str(batch), loss, "{:,.0f} ({:,.0f})".format(d["best"], d["mean"])]
        by_threads = torch.get((batch, loss), {})
        for t in threads:
            row.append("{:,.0f}".format(by_threads[t]["samples_per_s"]) if t in by_threads else "n/a")
        if threads:
            if by_threads:
                best_threads = max(by_threads, key=lambda t: by_threads[t]["samples_per_s"])
                best = by_threads[best_threads]["samples_per_s"]
                row += ["{:,.0f} ({} thread{})".format(best, best_threads, "" if best_threads == 1 else "s"),
                        "%.3f" % (d["best"] / best)]
            else:
                row += ["n/a", "n/a"]
        row.append("n/a" if d["bytes_per_step"] is None else "{:,.0f}".format(d["bytes_per_step"]))
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(*sys.argv[1:])
