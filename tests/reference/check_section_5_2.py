"""Self-check: the 50-step Rosenbrock runs of OPTIMIZERS.md §5.2, re-run with the real torch.

The expected lines below are copied verbatim from OPTIMIZERS.md §5.2 (produced there with
the same analytic gradient). Equal x and y after 50 steps prove that the gradient
expression of ref_functions.py, the float64 setup and this torch/CPU mode are the ones the
documentation was written against.

The loss printed there (and fed to LBFGS) was evaluated as (1-x)*(1-x) + (100*t)*t, which
can differ in the last bit from the reference data's (1-x)*(1-x) + 100*(t*t) (it does for
RAdam(lr=1e-3,weight_decay=0.1)); strong-Wolfe LBFGS amplifies that bit to ~4 ulp in x.
So this check uses the documentation's expression for the loss; the gradient is shared.

Run alone: /usr/bin/python3 tests/reference/check_section_5_2.py
"""

import sys

sys.dont_write_bytecode = True  # keep tests/reference free of __pycache__

import torch  # noqa: E402

from ref_functions import ROSENBROCK  # noqa: E402

STEPS = 50

# OPTIMIZERS.md §5.2, verbatim (label, x, y, f printed with %.17g); long lines kept as copied.
EXPECTED = """
SGD(lr=5e-4)                                                                x=-1.4074448564431541 y=1.9884947501674584 f=5.8015572046341415
Adagrad(lr=0.1)                                                             x=-1.3971105801676629 y=1.9581316041993604 f=5.7500000545509611
RMSprop(lr=1e-2)                                                            x=-1.3920909960733412 y=1.9441332703013219 f=5.7259631107698432
Adadelta(lr=1.0)                                                            x=-1.43457645619726 y=2.0601719894285466 f=5.9276301101221298
Adam(lr=0.05)                                                               x=-1.3745064088634462 y=1.8868385921216777 f=5.6388708238661298
AdamW(lr=0.05)                                                              x=-1.3522726212694944 y=1.8248654499277184 f=5.534612145528885
Adamax(lr=0.05)                                                             x=-1.4097040850696958 y=1.9986348569896384 f=5.8195997610833219
NAdam(lr=0.05)                                                              x=-1.3365614007036279 y=1.7925229151153199 f=5.4632726251434027
RAdam(lr=1e-3)                                                              x=-1.4577418171179646 y=1.9965754874877895 f=7.6900682025148379
ASGD(lr=5e-4)                                                               x=-1.4074428515784709 y=1.9884892192686898 f=5.801547722402522
Rprop(lr=1e-2)                                                              x=-1.3330958112809299 y=1.7833891068510415 f=5.4472356484584097
LBFGS(lr=1)                                                                 x=0.99999563933688573 y=0.9999917721421957 f=4.3364614709445599e-11
LBFGS(lr=1,strong_wolfe)                                                    x=0.9999979943196412 y=0.99999734389216621 f=1.8769270123222786e-10
SGD(lr=2e-4,momentum=0.9)                                                   x=-1.3723316542887141 y=1.873539280076608 f=5.6374732644388095
SGD(lr=2e-4,momentum=0.9,dampening=0.5,weight_decay=0.1)                    x=-1.3818962499640912 y=1.9383389491990881 f=5.7558085241699137
SGD(lr=2e-4,momentum=0.9,nesterov=True)                                     x=-1.372853286716724 y=1.8923493854015767 f=5.636244096885445
SGD(lr=5e-4,weight_decay=0.1,maximize=True) on -f                           x=-1.4054286509620149 y=1.9829359573715721 f=5.7920256460103028
Adagrad(lr=0.1,lr_decay=0.01,weight_decay=0.1,initial_accumulator_value=0.5) x=-1.3997142346696849 y=1.9653281740346102 f=5.7623839348626698
RMSprop(lr=1e-3,momentum=0.9,centered=True,weight_decay=0.1)                x=-1.4121146149476984 y=2.0011680587345277 f=5.8233384452978054
Adadelta(lr=1.0,rho=0.95,weight_decay=0.1)                                  x=-1.4335642672780666 y=2.0588003660342085 f=5.9235995013826246
Adam(lr=0.05,amsgrad=True,weight_decay=0.1)                                 x=-1.3663175997758983 y=1.8638108680714096 f=5.6003667489214655
AdamW(lr=0.05,amsgrad=True,weight_decay=0.1)                                x=-1.1601792053289985 y=1.3438382597079122 f=4.6668483622902039
Adamax(lr=0.05,weight_decay=0.1)                                            x=-1.4064079358204788 y=1.9892890197053166 f=5.8035811242242552
NAdam(lr=0.05,weight_decay=0.1,momentum_decay=0.01)                         x=-1.3223056825796873 y=1.7545124395311673 f=5.396727869447135
RAdam(lr=1e-3,weight_decay=0.1)                                             x=-1.45731075536498 y=1.9954303581735009 f=7.6850882200947588
ASGD(lr=5e-4,lambd=1e-2,alpha=0.75,t0=10,weight_decay=0.1)                  x=-1.4052285844158008 y=1.9823848863494253 f=5.7910805422683591
Rprop(lr=1e-2,etas=(0.3,1.5),step_sizes=(1e-4,0.5))                         x=-1.355194371322227 y=1.854365260254627 f=5.5786725201092775
"""


def section_5_2_loss(point):
    x, y = point
    t = y - x * x
    return (1.0 - x) * (1.0 - x) + 100.0 * t * t


def parse_expected():
    cases = []
    for line in EXPECTED.strip().splitlines():
        label, rest = line.split(" x=")
        label = label.strip()
        x, rest = rest.split(" y=")
        y, f = rest.split(" f=")
        cases.append((label, float(x), float(y), float(f)))
    return cases


def build_optimizer(label, params):
    """'Adam(lr=0.05,amsgrad=True)' -> torch.optim.Adam(params, lr=0.05, amsgrad=True)."""
    text = label.replace(" on -f", "").replace(",strong_wolfe", ",line_search_fn='strong_wolfe'")
    name, args = text.split("(", 1)
    kwargs = eval("dict(" + args, {"__builtins__": {"dict": dict, "True": True}})
    return getattr(torch.optim, name)(params, **kwargs)


def run(label):
    negate = label.endswith(" on -f")
    p = torch.tensor(ROSENBROCK.start, dtype=torch.float64, requires_grad=True)
    optimizer = build_optimizer(label, [p])

    def closure():
        point = p.detach().tolist()
        g = ROSENBROCK.gradient(point)
        p.grad = torch.tensor([-v for v in g] if negate else g, dtype=torch.float64)
        return section_5_2_loss(point)

    for _ in range(STEPS):
        optimizer.step(closure)
    x, y = p.detach().tolist()
    return x, y, section_5_2_loss([x, y])


def check():
    """Returns the list of mismatching labels (empty when everything is identical)."""
    failures = []
    for label, x, y, f in parse_expected():
        got = run(label)
        same = got == (x, y, f)
        print(f"  {'ok  ' if same else 'DIFF'} {label:78s} x={got[0]!r} y={got[1]!r} f={got[2]!r}")
        if not same:
            failures.append(label)
    return failures


if __name__ == "__main__":
    torch.set_num_threads(1)
    failed = check()
    print(f"§5.2 check: {len(parse_expected()) - len(failed)} identical, {len(failed)} differ")
    sys.exit(1 if failed else 0)
