#!/usr/bin/python3
"""What torch 1.13 reaches on `optiscope-cli train`'s acceptance runs, with the very same data.

Re-implements core/nn's seeded generator (xoshiro256** + splitmix64, core/nn/random.cpp), the
circle and spiral datasets, the train/test split, Glorot initialization and the per-epoch
batch order, then trains the same network with torch.optim.Adam and nn.BCEWithLogitsLoss.
Prints the CLI's CSV (epoch,step,train_loss,test_loss,train_accuracy,test_accuracy). Not a
test: a check for the report, e.g.

  /usr/bin/python3 torch_training_check.py spiral --seed 1 | tail -1
  optiscope-cli train --dataset spiral --hidden 16,16 --features x1,x2,sin_x1,sin_x2 \
      --optimizer adam:lr=0.03 --epochs 300 --seed 1 | tail -1
"""

import argparse
import math

import torch

MASK = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15


def splitmix64(state):
    state = (state + GOLDEN) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return state, z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


class Random:

    def __init__(self, seed):
        self.s = []
        for _ in range(4):
            seed, word = splitmix64(seed)
            self.s.append(word)

    def next(self):
        s = self.s
        result = (rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    def uniform(self, a=None, b=None):
        u = (self.next() >> 11) * 2.0**-53
        return u if a is None else u * (b - a) + a

    def below(self, n):
        limit = MASK - MASK % n
        x = self.next()
        while x >= limit:
            x = self.next()
        return x % n


def derive_seed(seed, stream):
    _, a = splitmix64(seed)
    _, b = splitmix64(a ^ ((stream * 0xD1B54A32D192ED03) & MASK))
    return b


def circle(points, noise, rng):
    rows = []

    def ring(count, r_min, r_max):
        for _ in range(count):
            r = rng.uniform(r_min, r_max)
            angle = rng.uniform(0.0, 2.0 * math.pi)
            x, y = r * math.sin(angle), r * math.cos(angle)
            nx = rng.uniform(-5.0, 5.0) * noise
            ny = rng.uniform(-5.0, 5.0) * noise
            rows.append((x, y, 1.0 if math.hypot(x + nx, y + ny) < 2.5 else 0.0))

    ring(points - points // 2, 0.0, 2.5)
    ring(points // 2, 3.5, 5.0)
    return rows


def spiral(points, noise, rng):
    rows = []

    def arm(count, phase, label):
        for i in range(count):
            s = i / count
            r = s * 5.0
            t = 1.75 * s * (2.0 * math.pi) + phase
            x = r * math.sin(t) + rng.uniform(-1.0, 1.0) * noise
            y = r * math.cos(t) + rng.uniform(-1.0, 1.0) * noise
            rows.append((x, y, label))

    arm(points - points // 2, 0.0, 1.0)
    arm(points // 2, math.pi, 0.0)
    return rows


def shuffled(n, seed):
    order = list(range(n))
    rng = Random(seed)
    for i in range(n, 1, -1):
        j = rng.below(i)
        order[i - 1], order[j] = order[j], order[i - 1]
    return order


FEATURES = {
    "x1": lambda x, y: x,
    "x2": lambda x, y: y,
    "x1sq": lambda x, y: x * x,
    "x2sq": lambda x, y: y * y,
    "x1x2": lambda x, y: x * y,
    "sin_x1": lambda x, y: math.sin(x),
    "sin_x2": lambda x, y: math.sin(y),
}


def tensors(rows, features):
    x = torch.tensor([[FEATURES[f](px, py) for f in features] for px, py, _ in rows],
                     dtype=torch.float64)
    y = torch.tensor([label for _, _, label in rows], dtype=torch.float64)
    return x, y


def glorot(model, seed):
    rng = Random(derive_seed(seed, 0x494E4954))
    values = []
    for layer in [m for m in model if isinstance(m, torch.nn.Linear)]:
        fan_out, fan_in = layer.weight.shape
        a = math.sqrt(6.0 / (fan_in + fan_out))
        values += [rng.uniform(-a, a) for _ in range(fan_in * fan_out)]
        values += [0.0] * fan_out
    torch.nn.utils.vector_to_parameters(torch.tensor(values, dtype=torch.float64),
                                        model.parameters())


SETUPS = {
    "circle": dict(generate=circle, hidden=[4], features=["x1", "x2"], epochs=100),
    "spiral": dict(generate=spiral, hidden=[16, 16], features=["x1", "x2", "sin_x1", "sin_x2"],
                   epochs=300),
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", choices=SETUPS)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--lr", type=float, default=0.03)
    parser.add_argument("--batch", type=int, default=10)
    args = parser.parse_args()
    setup = SETUPS[args.dataset]
    torch.set_num_threads(1)

    rows = setup["generate"](500, 0.0, Random(args.seed))
    order = shuffled(len(rows), derive_seed(args.seed, 0x53504C4954))
    train_count = math.floor(0.5 * len(rows))
    train = tensors([rows[i] for i in order[:train_count]], setup["features"])
    test = tensors([rows[i] for i in order[train_count:]], setup["features"])

    layers, width = [], len(setup["features"])
    for size in setup["hidden"]:
        layers += [torch.nn.Linear(width, size), torch.nn.Tanh()]
        width = size
    layers.append(torch.nn.Linear(width, 1))
    model = torch.nn.Sequential(*layers).double()
    glorot(model, args.seed)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    loss_fn = torch.nn.BCEWithLogitsLoss()

    def metrics():
        with torch.no_grad():
            out = []
            for x, y in (train, test):
                logits = model(x)[:, 0]
                out.append((loss_fn(logits, y).item(), ((logits > 0).double() == y).double().mean().item()))
        return f"{out[0][0]!r},{out[1][0]!r},{out[0][1]!r},{out[1][1]!r}"

    print("epoch,step,train_loss,test_loss,train_accuracy,test_accuracy")
    print(f"0,0,{metrics()}")
    step = 0
    for epoch in range(1, setup["epochs"] + 1):
        batch_order = shuffled(train_count, derive_seed(args.seed, (1 << 40) + epoch - 1))
        for start in range(0, train_count, args.batch):
            index = torch.tensor(batch_order[start:start + args.batch])
            optimizer.zero_grad()
            loss_fn(model(train[0][index])[:, 0], train[1][index]).backward()
            optimizer.step()
            step += 1
        print(f"{epoch},{step},{metrics()}")


if __name__ == "__main__":
    main()
