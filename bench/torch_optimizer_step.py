#!/usr/bin/env python3
"""Times PyTorch's optimizer.step() (foreach implementation) as OptimizerBenchmark times Descent's.

usage: torch_optimizer_step.py [--threads N] [--repeats R] > torch.tsv

Prints one tab-separated line per optimizer and size: spec, parameters, threads, best and median
microseconds per step. The specs, settings and sizes are OptimizerBenchmark's: four float32 tensors of a
quarter of the size each, gradients drawn once from [-1, 1) and kept. Each timing is the mean over a batch
of steps after warm-up steps; the best of R batches is the least disturbed by other processes.

PyTorch 1.13 (Debian's python3-torch) has no Lion: `lion` is timed as the foreach implementation one would
write with torch._foreach_* operations (as the lion-pytorch package and PyTorch 2.x's optimizers do),
noted in the output.
"""
import argparse
import statistics
import time

import torch

SIZES = [1_000_000, 10_000_000]
TENSORS = 4


class ForeachLion(torch.optim.Optimizer):
    """Lion (Chen et al. 2023) with foreach operations: update = sign(b1*m + (1-b1)*g); m = b2*m + (1-b2)*g."""

    def __init__(self, params, lr=1e-4, betas=(0.9, 0.99), weight_decay=0.0):
        super().__init__(params, dict(lr=lr, betas=betas, weight_decay=weight_decay))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            params = [p for p in group["params"] if p.grad is not None]
            grads = [p.grad for p in params]
            exp_avgs = []
            for p in params:
                state = self.state[p]
                if not state:
                    state["exp_avg"] = torch.zeros_like(p)
                exp_avgs.append(state["exp_avg"])
            beta1, beta2 = group["betas"]
            if group["weight_decay"] != 0:
                torch._foreach_mul_(params, 1 - group["lr"] * group["weight_decay"])
            updates = torch._foreach_mul(exp_avgs, beta1)
            torch._foreach_add_(updates, grads, alpha=1 - beta1)
            updates = [u.sign_() for u in updates]
            torch._foreach_add_(params, updates, alpha=-group["lr"])
            torch._foreach_mul_(exp_avgs, beta2)
            torch._foreach_add_(exp_avgs, grads, alpha=1 - beta2)


OPTIMIZERS = {
    "sgd(lr=0.001)": lambda p: torch.optim.SGD(p, lr=0.001, foreach=True),
    "sgd(momentum=0.9)": lambda p: torch.optim.SGD(p, lr=0.001, momentum=0.9, foreach=True),
    "adam": lambda p: torch.optim.Adam(p, foreach=True),
    "adamw": lambda p: torch.optim.AdamW(p, foreach=True),
    "lion": lambda p: ForeachLion(p),
}


def parameters(count, generator):
    each = count // TENSORS
    tensors = []
    for k in range(TENSORS):
        n = count - each * (TENSORS - 1) if k == TENSORS - 1 else each
        p = torch.empty(n).uniform_(-1, 1, generator=generator).requires_grad_()
        p.grad = torch.empty(n).uniform_(-1, 1, generator=generator)
        tensors.append(p)
    return tensors


def time_steps(optimizer, steps):
    start = time.perf_counter()
    for _ in range(steps):
        optimizer.step()
    return (time.perf_counter() - start) / steps * 1e6


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    generator = torch.Generator().manual_seed(42)
    print("# torch %s, %d thread(s); lion: foreach implementation in this script (torch 1.13 has none)"
          % (torch.__version__, torch.get_num_threads()))
    for spec, make in OPTIMIZERS.items():
        for size in SIZES:
            optimizer = make(parameters(size, generator))
            steps = max(3, int(2e7 // size))
            time_steps(optimizer, steps)  # warm-up, and the first step creates the state
            times = [time_steps(optimizer, steps) for _ in range(args.repeats)]
            print("\t".join([spec, str(size), str(args.threads), "%.1f" % min(times),
                             "%.1f" % statistics.median(times)]), flush=True)


if __name__ == "__main__":
    main()
