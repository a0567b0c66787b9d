#!/usr/bin/python3
"""The torch/numpy side of bench/compare, on one thread.

Prints one `figure<TAB>value<TAB>unit` line per measurement, named as bench_optimizer names
its own, so that bench/compare can pair them. Each figure is the best of several samples,
in process CPU time, as bench_optimizer measures (see bench/bench_optimizer_timing.h).
  reference_torch.py [steps|race|grid|network ...]   (default: all)
"""
import os
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

OPTIMIZERS = {  # the same hyperparameters as bench_optimizer's
    "sgd": ("SGD", {"lr": 0.01, "momentum": 0.9}),
    "adagrad": ("Adagrad", {"lr": 0.01}),
    "rmsprop": ("RMSprop", {"lr": 0.01}),
    "adam": ("Adam", {"lr": 0.001}),
}


def report(figure, value, unit):
    print(f"{figure}\t{value:.6g}\t{unit}", flush=True)


def best_seconds_per_repetition(body, samples=7, min_sample_seconds=0.02):
    repetitions, best, done = 1, float("inf"), 0
    while done < samples:
        start = time.process_time()
        body(repetitions)
        seconds = time.process_time() - start
        if seconds < min_sample_seconds:
            repetitions *= 2
            continue
        best = min(best, seconds / repetitions)
        done += 1
    return best


def step_figures(torch):
    for n in (10_000, 1_000_000):
        for name, (cls, kwargs) in OPTIMIZERS.items():
            for foreach in (False, True):
                p = torch.nn.Parameter(torch.linspace(-1.0, 1.0, n, dtype=torch.float64))
                p.grad = torch.linspace(0.5, -0.25, n, dtype=torch.float64) + 1e-3
                optimizer = getattr(torch.optim, cls)([p], foreach=foreach, **kwargs)

                def body(repetitions):
                    for _ in range(repetitions):
                        optimizer.step()

                seconds = best_seconds_per_repetition(body)
                report(f"torch step {name} n={n} foreach={foreach}", seconds, "s")


def rosenbrock_torch(x):
    return (1.0 - x[0]) ** 2 + 100.0 * (x[1] - x[0] ** 2) ** 2


RACE_OPTIMIZERS = {  # small enough that no run diverges on Rosenbrock, as bench_optimizer's
    "sgd": ("SGD", {"lr": 0.0001, "momentum": 0.9}),
    "adagrad": ("Adagrad", {"lr": 0.01}),
    "rmsprop": ("RMSprop", {"lr": 0.001}),
    "adam": ("Adam", {"lr": 0.001}),
}


def race_figures(torch):
    for name, (cls, kwargs) in RACE_OPTIMIZERS.items():
        x = torch.nn.Parameter(torch.tensor([-1.5, 2.0], dtype=torch.float64))
        optimizer = getattr(torch.optim, cls)([x], **kwargs)

        def body(repetitions):
            for _ in range(repetitions):
                optimizer.zero_grad()
                rosenbrock_torch(x).backward()
                optimizer.step()

        seconds = best_seconds_per_repetition(body, samples=3, min_sample_seconds=0.2)
        report(f"torch race {name}", 1.0 / seconds, "steps/s")


def grid_figure(numpy):
    def body(repetitions):
        for _ in range(repetitions):
            x = numpy.linspace(-2.0, 2.0, 1000)
            y = numpy.linspace(-1.0, 3.0, 1000)
            xx, yy = numpy.meshgrid(x, y)
            values = (1.0 - xx) ** 2 + 100.0 * (yy - xx * xx) ** 2
            # bench_optimizer's grid also finds the finite minimum and maximum.
            values.min(), values.max()

    report("numpy grid rosenbrock 1000x1000", best_seconds_per_repetition(body, 5, 0.05), "s")


def network_figure(torch):
    generator = torch.Generator().manual_seed(0)
    points = torch.rand(250, 2, generator=generator, dtype=torch.float64) * 12.0 - 6.0
    labels = (points.norm(dim=1) < 3.0).to(torch.float64).unsqueeze(1)
    torch.manual_seed(0)
    network = torch.nn.Sequential(
        torch.nn.Linear(2, 8), torch.nn.Tanh(), torch.nn.Linear(8, 8), torch.nn.Tanh(),
        torch.nn.Linear(8, 1)).to(torch.float64)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    optimizer = torch.optim.Adam(network.parameters(), lr=0.03)
    state = {"order": torch.randperm(250, generator=generator), "position": 0}

    def body(repetitions):
        for _ in range(repetitions):
            if state["position"] >= 250:
                state["order"], state["position"] = torch.randperm(250, generator=generator), 0
            batch = state["order"][state["position"]:state["position"] + 10]
            state["position"] += 10
            optimizer.zero_grad()
            loss_fn(network(points[batch]), labels[batch]).backward()
            optimizer.step()

    seconds = best_seconds_per_repetition(body, samples=3, min_sample_seconds=0.2)
    report("torch network 2-8-8-1 adam", 1.0 / seconds, "steps/s")


def main(groups):
    groups = groups or ["steps", "race", "grid", "network"]
    try:
        import numpy
    except ImportError:
        numpy = None
        print("missing\tnumpy", flush=True)
    try:
        import torch
        torch.set_num_threads(1)
    except ImportError:
        torch = None
        print("missing\ttorch", flush=True)
    for group in groups:
        if group == "grid":
            if numpy is not None:
                grid_figure(numpy)
        elif torch is not None:
            {"steps": step_figures, "race": race_figures, "network": network_figure}[group](torch)


if __name__ == "__main__":
    main(sys.argv[1:])
