#!/usr/bin/python3
"""Independent transcription of the test functions' definitions (Surjanovic & Bingham's
Virtual Library, sfu.ca/~ssurjano; quadratic and saddle as stated in their headers), written
with mpmath at 40 digits so the C++ formulas are checked against a second source rather than
against themselves. Prints the table pasted into reference_values_test.cpp."""
from mpmath import mp, mpf, sin, cos, exp, sqrt, pi, e, radians, matrix

mp.dps = 40


def quadratic(x, y, condition=10, angle=0):
    t = radians(angle)
    c, s = cos(t), sin(t)
    # A = R diag(1, k) R^T, evaluated as the matrix product rather than the closed form.
    r = matrix([[c, -s], [s, c]])
    a = r * matrix([[1, 0], [0, condition]]) * r.T
    v = matrix([x, y])
    return (v.T * a * v)[0] / 2


FUNCTIONS = {
    "sphere": lambda v: sum(t**2 for t in v),
    "quadratic": lambda v: quadratic(*v),
    "quadratic:condition=100,angle=30": lambda v: quadratic(*v, 100, 30),
    "saddle": lambda v: v[0] ** 2 - v[1] ** 2,
    "rosenbrock": lambda v: sum(100 * (v[i + 1] - v[i] ** 2) ** 2 + (v[i] - 1) ** 2
                                for i in range(len(v) - 1)),
    "beale": lambda v: (mpf("1.5") - v[0] + v[0] * v[1]) ** 2
    + (mpf("2.25") - v[0] + v[0] * v[1] ** 2) ** 2
    + (mpf("2.625") - v[0] + v[0] * v[1] ** 3) ** 2,
    "booth": lambda v: (v[0] + 2 * v[1] - 7) ** 2 + (2 * v[0] + v[1] - 5) ** 2,
    "himmelblau": lambda v: (v[0] ** 2 + v[1] - 11) ** 2 + (v[0] + v[1] ** 2 - 7) ** 2,
    "rastrigin": lambda v: 10 * len(v) + sum(t**2 - 10 * cos(2 * pi * t) for t in v),
    "ackley": lambda v: -20 * exp(-mpf("0.2") * sqrt(sum(t**2 for t in v) / len(v)))
    - exp(sum(cos(2 * pi * t) for t in v) / len(v)) + 20 + e,
    "goldstein_price": lambda v: (1 + (v[0] + v[1] + 1) ** 2 * (19 - 14 * v[0] + 3 * v[0] ** 2
                                  - 14 * v[1] + 6 * v[0] * v[1] + 3 * v[1] ** 2))
    * (30 + (2 * v[0] - 3 * v[1]) ** 2 * (18 - 32 * v[0] + 12 * v[0] ** 2 + 48 * v[1]
                                          - 36 * v[0] * v[1] + 27 * v[1] ** 2)),
    "matyas": lambda v: mpf("0.26") * (v[0] ** 2 + v[1] ** 2) - mpf("0.48") * v[0] * v[1],
    "levy13": lambda v: sin(3 * pi * v[0]) ** 2 + (v[0] - 1) ** 2 * (1 + sin(3 * pi * v[1]) ** 2)
    + (v[1] - 1) ** 2 * (1 + sin(2 * pi * v[1]) ** 2),
    "three_hump_camel": lambda v: 2 * v[0] ** 2 - mpf("1.05") * v[0] ** 4 + v[0] ** 6 / 6
    + v[0] * v[1] + v[1] ** 2,
    "six_hump_camel": lambda v: (4 - mpf("2.1") * v[0] ** 2 + v[0] ** 4 / 3) * v[0] ** 2
    + v[0] * v[1] + (-4 + 4 * v[1] ** 2) * v[1] ** 2,
    "styblinski_tang": lambda v: sum(t**4 - 16 * t**2 + 5 * t for t in v) / 2,
    "mccormick": lambda v: sin(v[0] + v[1]) + (v[0] - v[1]) ** 2 - mpf("1.5") * v[0]
    + mpf("2.5") * v[1] + 1,
    "easom": lambda v: -cos(v[0]) * cos(v[1]) * exp(-(v[0] - pi) ** 2 - (v[1] - pi) ** 2),
}

POINTS_2D = [(0.7, -1.3), (-2.2, 1.9), (2.5, 2.75)]
POINTS_ND = [(0.7, -1.3, 2.1, -0.4, 1.6)]
N_D = {"sphere", "rosenbrock", "rastrigin", "styblinski_tang"}

for name, f in FUNCTIONS.items():
    points = POINTS_2D + (POINTS_ND if name in N_D else [])
    for p in points:
        spec = name if len(p) == 2 else f"{name}:dim={len(p)}"
        coords = ", ".join(repr(c) for c in p)
        value = f([mpf(c) for c in p])
        print(f'    {{"{spec}", {{{coords}}}, {mp.nstr(value, 17)}}},')
