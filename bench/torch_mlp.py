#!/usr/bin/env python3
"""Trains the seed's MLP in PyTorch as MlpTrainingBenchmark trains it in Descent, and prints samples/s.

usage: torch_mlp.py [--threads N] [--batch B ...] [--loss mse|cross_entropy] [--warmup E] [--epochs E]
                    [--samples N] [--allow-reference-blas] > torch.jsonl

The model, loss, optimizer, data and batch sizes are MlpTrainingBenchmark's: 784-64-64-10 with relu, relu
and softmax (nn.Linear's default initialisation, which Descent's Linear copies), MSE of the softmax outputs
against one-hot labels (or, with --loss cross_entropy, cross-entropy on the logits), Adam(lr=1e-3, eps=1e-7),
over 60,000 random examples (features uniform in [0, 1), labels uniform over 10 classes, seed 42) held in
memory and read in order, batch by batch, as slices (no shuffling, no DataLoader, no validation). A step is
zero_grad(set_to_none=True), forward, loss, backward, optimizer.step(); the last batch holds the rest.
Adam runs its foreach implementation (faster than 1.13's default per-tensor loop at batch 32: 37k against
31k samples/s in a trial on one thread), so this is PyTorch as tuned as its Python API allows.

For each batch size: --warmup epochs, then --epochs timed epochs; prints one JSON object per line, with the
best epoch's samples/s (other processes can only slow an epoch down) and the median epoch time.

Threads: --threads sets torch.set_num_threads and, unless already set in the environment, OPENBLAS_NUM_THREADS
and OMP_NUM_THREADS (read when the libraries load, so before torch is imported), and OMP_WAIT_POLICY=passive
for more than one thread (spinning OpenMP workers take the core OpenBLAS's threads need).

BLAS: Debian's torch is built against the generic BLAS interface (torch.__config__.show() says
BLAS_INFO=generic), so which BLAS runs is the libblas.so.3 the alternatives system picks. Without
libopenblas0-pthread it is the reference BLAS, 10-30 times slower, and a comparison would be meaningless:
the script reads /proc/self/maps after a matrix product and refuses to time anything unless the BLAS loaded
is OpenBLAS (--allow-reference-blas times it anyway, marked in the output).
"""
import argparse
import json
import os
import statistics
import sys
import time

SAMPLES = 60_000
FEATURES = 784
CLASSES = 10
SEED = 42


def parse():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--batch", type=int, nargs="+", default=[32, 256])
    parser.add_argument("--loss", choices=["mse", "cross_entropy"], default="mse")
    parser.add_argument("--warmup", type=int, default=1, help="untimed epochs per batch size (default 1)")
    parser.add_argument("--epochs", type=int, default=3, help="timed epochs per batch size (default 3)")
    parser.add_argument("--samples", type=int, default=SAMPLES)
    parser.add_argument("--allow-reference-blas", action="store_true")
    return parser.parse_args()


def loaded_blas():
    """The BLAS libraries mapped into this process: paths of libblas / libopenblas."""
    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if line.rstrip().endswith(".so") or ".so." in line}
    return sorted(p for p in paths if "blas" in os.path.basename(p).lower())


def main():
    args = parse()
    os.environ.setdefault("OPENBLAS_NUM_THREADS", str(args.threads))
    os.environ.setdefault("OMP_NUM_THREADS", str(args.threads))
    if args.threads > 1:
        os.environ.setdefault("OMP_WAIT_POLICY", "passive")
    import torch  # after the environment: OpenBLAS and OpenMP read it when they load

    torch.set_num_threads(args.threads)
    torch.ones(64, 64) @ torch.ones(64, 64)  # loads the BLAS
    blas = loaded_blas()
    openblas = any("openblas" in p.lower() for p in blas)
    settings = "OPENBLAS_NUM_THREADS=%s OMP_NUM_THREADS=%s OMP_WAIT_POLICY=%s" % tuple(
        os.environ.get(k, "-") for k in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "OMP_WAIT_POLICY"))
    print("# torch %s, torch.get_num_threads() %d, %s; BLAS: %s" % (
        torch.__version__, torch.get_num_threads(), settings, ", ".join(blas) or "none found"),
        file=sys.stderr, flush=True)
    if not openblas and not args.allow_reference_blas:
        sys.exit("torch_mlp.py: the BLAS loaded is not OpenBLAS (%s): torch would run on the reference BLAS, 10-30"
                 " times slower; install libopenblas0-pthread, or pass --allow-reference-blas"
                 % (", ".join(blas) or "none found"))

    generator = torch.Generator().manual_seed(SEED)
    features = torch.rand(args.samples, FEATURES, generator=generator)
    labels = torch.randint(0, CLASSES, (args.samples,), generator=generator)
    cross_entropy = args.loss == "cross_entropy"
    targets = labels if cross_entropy else torch.nn.functional.one_hot(labels, CLASSES).float()

    for batch in args.batch:
        torch.manual_seed(1)
        layers = [torch.nn.Linear(FEATURES, 64), torch.nn.ReLU(), torch.nn.Linear(64, 64), torch.nn.ReLU(),
                  torch.nn.Linear(64, CLASSES)]
        if not cross_entropy:
            layers.append(torch.nn.Softmax(dim=1))
        model = torch.nn.Sequential(*layers)
        loss_fn = torch.nn.CrossEntropyLoss() if cross_entropy else torch.nn.MSELoss()
        optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-7,
                                     foreach=True)
        # Slices are views: no copy, which is PyTorch's cheapest way to read in-memory data in order.
        batches = [(features[i:i + batch], targets[i:i + batch]) for i in range(0, args.samples, batch)]

        def epoch():
            start = time.perf_counter()
            for x, y in batches:
                optimizer.zero_grad(set_to_none=True)
                loss = loss_fn(model(x), y)
                loss.backward()
                optimizer.step()
            return time.perf_counter() - start

        for _ in range(args.warmup):
            epoch()
        times = [epoch() for _ in range(args.epochs)]
        print(json.dumps({"framework": "pytorch", "batch": batch, "loss": args.loss, "threads": args.threads,
                          "samples_per_s": round(args.samples / min(times), 1),
                          "median_epoch_s": round(statistics.median(times), 4),
                          "steps_per_epoch": len(batches), "blas": "openblas" if openblas else "reference"}),
              flush=True)


if __name__ == "__main__":
    main()
