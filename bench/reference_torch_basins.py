#!/usr/bin/python3
"""The torch side of bench/compare's start-point map: what a Python user would write.

A 200x200 grid of starts over Rosenbrock's view box, all stepped as one batched float64 tensor
for 1000 Adam steps (lr 0.01): the analytic gradient and torch 1.13's Adam update written out
with in-place tensor operations (no autograd, no torch.optim), which is the fastest plain torch
form. Run on the given number of threads (torch.set_num_threads); prints bench/compare's
`figure<TAB>value<TAB>unit` lines with the best wall-clock and the best process CPU time of
several samples.
  reference_torch_basins.py THREADS [grid [steps [samples]]]
"""
import math
import sys
import time


def basins_seconds(torch, grid, steps):
    xs = torch.linspace(-2.0, 2.0, grid, dtype=torch.float64)
    ys = torch.linspace(-1.0, 3.0, grid, dtype=torch.float64)
    y0, x0 = torch.meshgrid(ys, xs, indexing="ij")
    p = torch.stack([x0.flatten(), y0.flatten()])  # row 0: x of every start, row 1: y
    g = torch.empty_like(p)
    m = torch.zeros_like(p)
    v = torch.zeros_like(p)
    t_buf = torch.empty_like(p[0])
    lr, beta1, beta2, eps = 0.01, 0.9, 0.999, 1e-8
    start, cpu_start = time.perf_counter(), time.process_time()
    for t in range(1, steps + 1):
        x, y = p[0], p[1]
        torch.mul(x, x, out=t_buf)
        t_buf.neg_().add_(y)  # y - x^2
        # g_x = -2(1 - x) - 400 x (y - x^2),  g_y = 200 (y - x^2)
        torch.mul(x, t_buf, out=g[0]).mul_(-400.0).add_(x, alpha=2.0).sub_(2.0)
        torch.mul(t_buf, 200.0, out=g[1])
        m.mul_(beta1).add_(g, alpha=1.0 - beta1)
        v.mul_(beta2).addcmul_(g, g, value=1.0 - beta2)
        bias1 = 1.0 - beta1 ** t
        bias2_sqrt = math.sqrt(1.0 - beta2 ** t)
        denom = v.sqrt().div_(bias2_sqrt).add_(eps)
        p.addcdiv_(m, denom, value=-lr / bias1)
    loss = (1.0 - p[0]) ** 2 + 100.0 * (p[1] - p[0] ** 2) ** 2
    float(loss.sum())
    return time.perf_counter() - start, time.process_time() - cpu_start


def main():
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    grid = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    steps = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    samples = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    try:
        import torch
    except ImportError:
        print("missing\ttorch")
        return
    torch.set_num_threads(threads)
    times = [basins_seconds(torch, grid, steps) for _ in range(samples)]
    name = f"torch basins rosenbrock {grid}x{grid} adam threads={threads}"
    print(f"{name}\t{min(wall for wall, _ in times):.6g}\ts", flush=True)
    print(f"{name} cpu\t{min(cpu for _, cpu in times):.6g}\ts", flush=True)


if __name__ == "__main__":
    main()
