"""The schedule cases of schedules.ref: every schedule, default-ish and non-trivial.

Every schedule spec lists all of its keys. ReduceLROnPlateau gets synthetic metric
sequences (a formula plus seeded noise) that improve, plateau and worsen, so that
patience, cooldown, thresholds, min_lr and eps all decide something.
"""

import random

STEPS = 300

SGD = ("sgd", dict(lr=0.1))
SGD_MOMENTUM = ("sgd", dict(lr=0.1, momentum=0.9))
ADAM = ("adam", dict(lr=1e-3))


def plateau_metric(steps, seed, noise):
    """A loss-like sequence. Relative change per step: -3% (k <= 40), flat (41..70), -2%
    (71..100), +1% (101..115, worse than the best so far), -1% (116..160), flat (161..200),
    -0.02% (201..): rel 1e-4 counts that as improvement, rel 1e-2 and abs 1e-3 do not.
    The noise (relative, seeded) stays far below every threshold."""
    rng = random.Random(seed)
    rates = [(40, 0.97), (70, 1.0), (100, 0.98), (115, 1.01), (160, 0.99), (200, 1.0)]
    level, values = 1.0, []
    for k in range(1, steps + 1):
        level *= next((rate for end, rate in rates if k <= end), 0.9998)
        values.append(level * (1.0 + noise * rng.uniform(-1.0, 1.0)))
    return values


MIN_METRIC = plateau_metric(STEPS, seed=1, noise=1e-5)
MAX_METRIC = [1.0 - v for v in plateau_metric(STEPS, seed=2, noise=1e-5)]


def onecycle(**changes):
    args = dict(max_lr=0.1, total_steps=STEPS, pct_start=0.3, anneal_strategy="cos",
                cycle_momentum=True, base_momentum=0.85, max_momentum=0.95, div_factor=25.0,
                final_div_factor=1e4, three_phase=False)
    return "onecycle", {**args, **changes}


def cyclic(**changes):
    args = dict(base_lr=0.01, max_lr=0.1, step_size_up=25, step_size_down=40,
                mode="triangular", gamma=1.0, cycle_momentum=True, base_momentum=0.8,
                max_momentum=0.9)
    return "cyclic", {**args, **changes}


def plateau(**changes):
    args = dict(mode="min", factor=0.5, patience=5, threshold=1e-4, threshold_mode="rel",
                cooldown=0, min_lr=0.0, eps=1e-8)
    return "reduce_on_plateau", {**args, **changes}


def case(case_id, schedule, optimizer=SGD, metric=None):
    return case_id, schedule, optimizer, metric


# yapf: disable
SCHEDULE_CASES = [
    case("step_default", ("step", dict(step_size=10, gamma=0.1))),
    case("step_30_half", ("step", dict(step_size=30, gamma=0.5))),
    case("multistep_default", ("multistep", dict(milestones=[30, 60], gamma=0.1))),
    case("multistep_duplicates", ("multistep", dict(milestones=[50, 120, 120], gamma=0.3))),
    case("exponential_0.99", ("exponential", dict(gamma=0.99))),
    case("exponential_0.9", ("exponential", dict(gamma=0.9)), ADAM),
    case("cosine_default", ("cosine", dict(t_max=50, eta_min=0.0))),
    case("cosine_t100_min", ("cosine", dict(t_max=100, eta_min=1e-4))),
    case("cosine_restarts_mult2", ("cosine_restarts", dict(t_0=20, t_mult=2, eta_min=1e-5))),
    case("cosine_restarts_mult1", ("cosine_restarts", dict(t_0=30, t_mult=1, eta_min=0.0))),
    case("linear_default", ("linear", dict(start_factor=1.0 / 3.0, end_factor=1.0,
                                           total_iters=5))),
    case("linear_warmup", ("linear", dict(start_factor=0.1, end_factor=1.0, total_iters=50))),
    case("linear_decay", ("linear", dict(start_factor=1.0, end_factor=0.05, total_iters=100))),
    case("constant_default", ("constant", dict(factor=1.0 / 3.0, total_iters=5))),
    case("constant_quarter", ("constant", dict(factor=0.25, total_iters=40))),
    case("onecycle_cos_sgd", onecycle(), SGD_MOMENTUM),
    case("onecycle_linear_sgd", onecycle(anneal_strategy="linear", pct_start=0.25),
         SGD_MOMENTUM),
    case("onecycle_three_phase", onecycle(three_phase=True, div_factor=10.0,
                                          final_div_factor=100.0), SGD_MOMENTUM),
    case("onecycle_adam_beta1", onecycle(max_lr=0.01, base_momentum=0.8, max_momentum=0.9),
         ADAM),
    case("onecycle_no_momentum", onecycle(cycle_momentum=False), SGD_MOMENTUM),
    case("cyclic_triangular_sgd", cyclic(), SGD_MOMENTUM),
    case("cyclic_triangular2", cyclic(mode="triangular2"), SGD_MOMENTUM),
    case("cyclic_exp_range", cyclic(mode="exp_range", gamma=0.995), SGD_MOMENTUM),
    case("cyclic_rmsprop_momentum", cyclic(step_size_up=30, step_size_down=30,
                                           base_momentum=0.5, max_momentum=0.7),
         ("rmsprop", dict(lr=0.01, momentum=0.6))),
    case("cyclic_adam_no_momentum", cyclic(base_lr=1e-4, max_lr=1e-3, cycle_momentum=False),
         ADAM),
    case("plateau_min_rel", plateau(), metric=MIN_METRIC),
    case("plateau_min_abs", plateau(threshold=1e-3, threshold_mode="abs"), metric=MIN_METRIC),
    case("plateau_max_rel", plateau(mode="max"), metric=MAX_METRIC),
    case("plateau_max_abs_cooldown", plateau(mode="max", threshold=1e-4, threshold_mode="abs",
                                             cooldown=3, patience=2), metric=MAX_METRIC),
    case("plateau_cooldown", plateau(cooldown=3), metric=MIN_METRIC),
    case("plateau_min_lr", plateau(min_lr=0.01, factor=0.3), metric=MIN_METRIC),
    case("plateau_threshold", plateau(threshold=0.01), metric=MIN_METRIC),
    case("plateau_eps_stops", plateau(factor=0.1, patience=2), ("sgd", dict(lr=1e-6)),
         metric=MIN_METRIC),
    case("sequence_warmup_cosine",
         ("sequence", dict(first=("linear", dict(start_factor=0.1, end_factor=1.0,
                                                 total_iters=10)),
                           then=("cosine", dict(t_max=290, eta_min=0.0)), milestone=10))),
    case("sequence_exponential_step",
         ("sequence", dict(first=("exponential", dict(gamma=0.98)),
                           then=("step", dict(step_size=30, gamma=0.5)), milestone=50))),
]
# yapf: enable


def cycles_momentum(schedule):
    name, args = schedule
    return name in ("onecycle", "cyclic") and args["cycle_momentum"]
