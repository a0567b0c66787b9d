#!/usr/bin/python3
"""Writes nn_backprop.ref: loss and gradient of small torch 1.13 networks (float64) for fixed
weights and a fixed batch, one case per activation x loss x regularization plus a few shapes.

Run with Debian's interpreter (python3-torch): /usr/bin/python3 generate_nn_reference.py

The network is nn.Sequential(Linear, act, ..., Linear); its flat parameter vector is
torch.nn.utils.parameters_to_vector (per layer: weight (out x in) row-major, then bias), the
layout of core/nn/mlp_layout.h. Losses use reduction='mean':
  mse           nn.MSELoss on the single output
  bce           nn.BCEWithLogitsLoss on the single logit, targets 0/1
  cross_entropy nn.CrossEntropyLoss on k logits, targets 0..k-1
Regularization touches weights only: l1 adds rate * sum|W|, l2 adds rate/2 * sum W^2.

File format, one record per case (words separated by single spaces, numbers as float.hex):
  case <id> <activation> <loss> <regularization> <rate> <inputs> <hidden|-> <outputs> <batch>
  params <p_0> ... <p_{n-1}>
  inputs <example 0 features...> <example 1 features...> ...
  targets <t_0> ... <t_{batch-1}>
  loss <value>
  gradient <g_0> ... <g_{n-1}>
"""

import os

import numpy as np
import torch

ACTIVATIONS = {
    "relu": torch.nn.ReLU,
    "tanh": torch.nn.Tanh,
    "sigmoid": torch.nn.Sigmoid,
    "linear": torch.nn.Identity,
}
REGULARIZATIONS = [("none", 0.0), ("l1", 0.01), ("l2", 0.03)]


def build(inputs, hidden, outputs, activation):
    layers, width = [], inputs
    for size in hidden:
        layers += [torch.nn.Linear(width, size), ACTIVATIONS[activation]()]
        width = size
    layers.append(torch.nn.Linear(width, outputs))
    return torch.nn.Sequential(*layers).double()


def targets_for(loss, outputs, batch, rng):
    if loss == "mse":
        return rng.uniform(-1.0, 1.0, batch)
    classes = 2 if loss == "bce" else outputs
    labels = rng.integers(0, classes, batch).astype(float)
    labels[:classes] = np.arange(classes)  # every class appears at least once
    return labels


def loss_value(loss, logits, targets):
    if loss == "mse":
        return torch.nn.MSELoss()(logits[:, 0], targets)
    if loss == "bce":
        return torch.nn.BCEWithLogitsLoss()(logits[:, 0], targets)
    return torch.nn.CrossEntropyLoss()(logits, targets.long())


def penalty(model, kind, rate):
    weights = [m.weight for m in model if isinstance(m, torch.nn.Linear)]
    if kind == "l1":
        return rate * sum(w.abs().sum() for w in weights)
    if kind == "l2":
        return rate / 2 * sum((w * w).sum() for w in weights)
    return torch.zeros((), dtype=torch.float64)


def run_case(case_id, activation, loss, regularization, inputs, hidden, outputs, batch, seed,
             weight_scale=0.8):
    rng = np.random.default_rng(seed)
    model = build(inputs, hidden, outputs, activation)
    count = sum(p.numel() for p in model.parameters())
    flat = torch.tensor(rng.normal(0.0, weight_scale, count), dtype=torch.float64)
    torch.nn.utils.vector_to_parameters(flat, model.parameters())
    x = torch.tensor(rng.uniform(-3.0, 3.0, (batch, inputs)), dtype=torch.float64)
    y = torch.tensor(targets_for(loss, outputs, batch, rng), dtype=torch.float64)
    kind, rate = regularization
    total = loss_value(loss, model(x), y) + penalty(model, kind, rate)
    model.zero_grad()
    total.backward()
    grad = torch.nn.utils.parameters_to_vector([p.grad for p in model.parameters()])

    def hexes(values):
        return " ".join(float(v).hex() for v in values)

    hidden_text = ",".join(str(h) for h in hidden) if hidden else "-"
    return "\n".join([
        f"case {case_id} {activation} {loss} {kind} {float(rate).hex()} {inputs} {hidden_text} "
        f"{outputs} {batch}",
        "params " + hexes(flat.tolist()),
        "inputs " + hexes(x.flatten().tolist()),
        "targets " + hexes(y.tolist()),
        "loss " + float(total.item()).hex(),
        "gradient " + hexes(grad.tolist()),
    ])


def cases():
    seed = 1000
    for activation in ACTIVATIONS:
        for loss in ("mse", "bce", "cross_entropy"):
            outputs = 3 if loss == "cross_entropy" else 1
            for regularization in REGULARIZATIONS:
                seed += 1
                yield dict(activation=activation, loss=loss, regularization=regularization,
                           inputs=3, hidden=[5, 4], outputs=outputs, batch=7, seed=seed)
    # Shapes at the limits: no hidden layer, six hidden layers, a batch of one, two-class
    # softmax, and large logits (stability of bce and cross_entropy).
    for loss, outputs in (("mse", 1), ("bce", 1), ("cross_entropy", 4)):
        yield dict(activation="tanh", loss=loss, regularization=("l2", 0.03), inputs=2,
                   hidden=[], outputs=outputs, batch=9, seed=2001 + outputs)
    yield dict(activation="sigmoid", loss="cross_entropy", regularization=("l1", 0.01),
               inputs=7, hidden=[3, 6, 2, 4, 3, 5], outputs=3, batch=11, seed=2010)
    yield dict(activation="relu", loss="mse", regularization=("none", 0.0), inputs=4,
               hidden=[16], outputs=1, batch=1, seed=2011)
    yield dict(activation="relu", loss="cross_entropy", regularization=("none", 0.0), inputs=2,
               hidden=[6, 6], outputs=2, batch=8, seed=2012)
    for loss, outputs in (("bce", 1), ("cross_entropy", 3)):
        yield dict(activation="linear", loss=loss, regularization=("none", 0.0), inputs=3,
                   hidden=[4], outputs=outputs, batch=10, seed=2020 + outputs, weight_scale=4.0)


def main():
    torch.set_num_threads(1)
    records = [run_case(i, **case) for i, case in enumerate(cases())]
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "nn_backprop.ref")
    with open(path, "w") as out:
        out.write(f"# generated by generate_nn_reference.py with torch {torch.__version__}\n")
        out.write("\n".join(records) + "\n")
    print(f"wrote {len(records)} cases to {path}")


if __name__ == "__main__":
    main()
