"""Test functions of the reference data, written with plain Python floats.

Every expression keeps the exact operation order of the C++ objectives (see
tests/reference/README.md), and plain Python float arithmetic never fuses a multiply
with an add, so value and gradient are bit-identical to the C++ side.
"""


def rosenbrock_value(p):
    f = 0.0
    for i in range(len(p) - 1):
        t = p[i + 1] - p[i] * p[i]
        f += (1.0 - p[i]) * (1.0 - p[i]) + 100.0 * (t * t)
    return f


def rosenbrock_2d_gradient(p):
    # Written directly, not as 0.0 + term: a -0.0 component must stay -0.0, as in C++.
    x, y = p
    t = y - x * x
    return [(-2.0 * (1.0 - x)) - ((400.0 * x) * t), 200.0 * t]


def rosenbrock_gradient(p):
    g = [0.0] * len(p)
    for i in range(len(p) - 1):
        t = p[i + 1] - p[i] * p[i]
        g[i] += (-2.0 * (1.0 - p[i])) - ((400.0 * p[i]) * t)
        g[i + 1] += 200.0 * t
    return g


def himmelblau_value(p):
    x, y = p
    a = (x * x + y) - 11.0
    b = (x + y * y) - 7.0
    return a * a + b * b


def himmelblau_gradient(p):
    x, y = p
    a = (x * x + y) - 11.0
    b = (x + y * y) - 7.0
    return [(4.0 * x) * a + 2.0 * b, 2.0 * a + (4.0 * y) * b]


class Function:
    """One test function as it appears in a reference file: spec, start, value, gradient."""

    def __init__(self, label, spec, start, value, gradient):
        self.label = label  # short tag used in case ids
        self.spec = spec  # our function spec, written to the 'function' line
        self.start = start
        self.value = value
        self.gradient = gradient


ROSENBROCK = Function("rosenbrock", "rosenbrock", [-1.5, 2.0], rosenbrock_value,
                      rosenbrock_2d_gradient)
HIMMELBLAU = Function("himmelblau", "himmelblau", [0.5, -1.5], himmelblau_value,
                      himmelblau_gradient)
ROSENBROCK_10D = Function("rosenbrock10", "rosenbrock:dim=10",
                          [-1.2 if i % 2 == 0 else 1.0 for i in range(10)], rosenbrock_value,
                          rosenbrock_gradient)

ALL_FUNCTIONS = [ROSENBROCK, HIMMELBLAU, ROSENBROCK_10D]
