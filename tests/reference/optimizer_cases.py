"""The optimizer cases of optimizers.ref: every torch 1.13 optimizer, every option at least once.

Each configuration runs on all three functions with its own lr per function (the lr of
OPTIMIZERS.md §5.2 on Rosenbrock where it fits; smaller or larger where 200 steps would
otherwise diverge or hardly move). Keys are OUR spec keys (see ref_specs.py); `lr` is always
written, other keys only when set. `maximize=True` cases get the gradient of -f.
"""

from ref_functions import HIMMELBLAU, ROSENBROCK, ROSENBROCK_10D

STEPS = 200


def config(case_id, name, lrs, **args):
    """lrs = (rosenbrock, himmelblau, rosenbrock:dim=10)."""
    return case_id, name, lrs, args


# yapf: disable
CONFIGS = [
    config("sgd", "sgd", (5e-4, 2e-3, 2e-4)),
    config("sgd_momentum", "sgd", (2e-4, 1e-3, 1e-4), momentum=0.9),
    config("sgd_dampening_wd", "sgd", (2e-4, 1e-3, 1e-4), momentum=0.9, dampening=0.5,
           weight_decay=0.1),
    config("sgd_nesterov", "sgd", (2e-4, 1e-3, 1e-4), momentum=0.9, nesterov=True),
    config("sgd_maximize_wd", "sgd", (5e-4, 2e-3, 2e-4), weight_decay=0.1, maximize=True),
    config("sgd_nesterov_maximize", "sgd", (2e-4, 1e-3, 1e-4), momentum=0.8, nesterov=True,
           weight_decay=0.01, maximize=True),

    config("adagrad", "adagrad", (0.1, 0.1, 0.1)),
    config("adagrad_decay_init", "adagrad", (0.1, 0.1, 0.1), lr_decay=0.01,
           initial_accumulator_value=0.5),
    config("adagrad_wd_eps", "adagrad", (0.1, 0.1, 0.1), weight_decay=0.1, eps=1e-6),
    config("adagrad_all_maximize", "adagrad", (0.1, 0.1, 0.1), lr_decay=0.01, weight_decay=0.1,
           initial_accumulator_value=0.5, maximize=True),

    config("rmsprop", "rmsprop", (1e-2, 1e-2, 1e-3)),
    config("rmsprop_alpha_eps", "rmsprop", (1e-2, 1e-2, 1e-3), alpha=0.9, eps=1e-6),
    config("rmsprop_momentum", "rmsprop", (1e-3, 1e-3, 1e-4), momentum=0.9),
    config("rmsprop_centered", "rmsprop", (1e-2, 1e-2, 1e-3), centered=True),
    config("rmsprop_momentum_centered_wd", "rmsprop", (1e-3, 1e-3, 1e-4), momentum=0.9,
           centered=True, weight_decay=0.1),
    config("rmsprop_maximize", "rmsprop", (1e-2, 1e-2, 1e-3), weight_decay=0.1, maximize=True),

    config("adadelta", "adadelta", (1.0, 1.0, 1.0)),
    config("adadelta_rho_eps", "adadelta", (1.0, 1.0, 1.0), rho=0.95, eps=1e-5),
    config("adadelta_wd", "adadelta", (1.0, 1.0, 1.0), rho=0.95, weight_decay=0.1),
    config("adadelta_maximize_wd", "adadelta", (1.0, 1.0, 1.0), weight_decay=0.1,
           maximize=True),

    config("adam", "adam", (0.05, 0.05, 0.01)),
    config("adam_amsgrad", "adam", (0.05, 0.05, 0.01), amsgrad=True),
    config("adam_wd", "adam", (0.05, 0.05, 0.01), weight_decay=0.1),
    config("adam_betas_eps_amsgrad_wd", "adam", (0.05, 0.05, 0.01), beta1=0.8, beta2=0.99,
           eps=1e-6, amsgrad=True, weight_decay=0.1),
    config("adam_maximize", "adam", (0.05, 0.05, 0.01), maximize=True),
    config("adam_amsgrad_wd_maximize", "adam", (0.05, 0.05, 0.01), amsgrad=True,
           weight_decay=0.1, maximize=True),

    config("adamw", "adamw", (0.05, 0.05, 0.01)),
    config("adamw_amsgrad", "adamw", (0.05, 0.05, 0.01), amsgrad=True, weight_decay=0.1),
    config("adamw_no_wd", "adamw", (0.05, 0.05, 0.01), weight_decay=0.0),
    config("adamw_betas_eps", "adamw", (0.05, 0.05, 0.01), beta1=0.8, beta2=0.99, eps=1e-6),
    config("adamw_maximize", "adamw", (0.05, 0.05, 0.01), maximize=True),
    config("adamw_amsgrad_maximize", "adamw", (0.05, 0.05, 0.01), amsgrad=True,
           weight_decay=0.1, maximize=True),

    config("adamax", "adamax", (0.05, 0.05, 0.01)),
    config("adamax_wd", "adamax", (0.05, 0.05, 0.01), weight_decay=0.1),
    config("adamax_betas_eps", "adamax", (0.05, 0.05, 0.01), beta1=0.8, beta2=0.99, eps=1e-6),
    config("adamax_maximize_wd", "adamax", (0.05, 0.05, 0.01), weight_decay=0.1,
           maximize=True),

    config("nadam", "nadam", (0.05, 0.05, 0.01)),
    config("nadam_wd_momentum_decay", "nadam", (0.05, 0.05, 0.01), weight_decay=0.1,
           momentum_decay=0.01),
    config("nadam_betas_eps", "nadam", (0.05, 0.05, 0.01), beta1=0.8, beta2=0.99, eps=1e-6),

    config("radam", "radam", (1e-3, 1e-2, 1e-3)),
    config("radam_wd", "radam", (1e-3, 1e-2, 1e-3), weight_decay=0.1),
    config("radam_betas_eps", "radam", (1e-3, 1e-2, 1e-3), beta1=0.8, beta2=0.99, eps=1e-6),

    config("asgd", "asgd", (5e-4, 2e-3, 2e-4)),
    config("asgd_t0_lambd_wd", "asgd", (5e-4, 2e-3, 2e-4), lambd=1e-2, alpha=0.75, t0=10,
           weight_decay=0.1),
    config("asgd_alpha_t0", "asgd", (5e-4, 2e-3, 2e-4), lambd=1e-2, alpha=0.5, t0=50),
    config("asgd_maximize_wd", "asgd", (5e-4, 2e-3, 2e-4), t0=10, weight_decay=0.1,
           maximize=True),

    config("rprop", "rprop", (1e-2, 1e-2, 1e-2)),
    config("rprop_etas_steps", "rprop", (1e-2, 1e-2, 1e-2), eta_minus=0.3, eta_plus=1.5,
           step_min=1e-4, step_max=0.5),
    config("rprop_maximize", "rprop", (1e-2, 1e-2, 1e-2), maximize=True),
]
# yapf: enable

FUNCTIONS = [ROSENBROCK, HIMMELBLAU, ROSENBROCK_10D]


def onecycle(max_lr, **changes):
    args = dict(max_lr=max_lr, total_steps=STEPS, pct_start=0.3, anneal_strategy="cos",
                cycle_momentum=True, base_momentum=0.85, max_momentum=0.95, div_factor=25.0,
                final_div_factor=1e4, three_phase=False)
    return "onecycle", {**args, **changes}


# Optimizer + schedule interplay, all on Rosenbrock: (id, optimizer, args, schedule).
# yapf: disable
SCHEDULED = [
    ("adam_cosine", "adam", dict(lr=0.05),
     ("cosine", dict(t_max=120, eta_min=1e-3))),
    ("rprop_step", "rprop", dict(lr=1e-2),
     ("step", dict(step_size=20, gamma=0.5))),
    ("asgd_exponential", "asgd", dict(lr=5e-4, lambd=1e-2, t0=10),
     ("exponential", dict(gamma=0.99))),
    ("sgd_momentum_onecycle", "sgd", dict(lr=2e-4, momentum=0.9),
     onecycle(4e-4)),
    ("adam_onecycle", "adam", dict(lr=0.05),
     onecycle(0.05)),
    ("sgd_cyclic", "sgd", dict(lr=2e-4, momentum=0.9),
     ("cyclic", dict(base_lr=5e-5, max_lr=3e-4, step_size_up=25, step_size_down=40,
                     mode="triangular", gamma=1.0, cycle_momentum=True, base_momentum=0.8,
                     max_momentum=0.9))),
    ("adamw_linear", "adamw", dict(lr=0.05, weight_decay=0.1),
     ("linear", dict(start_factor=1.0, end_factor=0.1, total_iters=150))),
    ("sgd_reduce_on_plateau", "sgd", dict(lr=5e-4),
     ("reduce_on_plateau", dict(mode="min", factor=0.5, patience=3, threshold=1e-3,
                                threshold_mode="rel", cooldown=2, min_lr=1e-5, eps=1e-8))),
    ("adam_warmup_cosine", "adam", dict(lr=0.05),
     ("sequence", dict(first=("linear", dict(start_factor=0.1, end_factor=1.0,
                                             total_iters=20)),
                       then=("cosine", dict(t_max=180, eta_min=0.0)), milestone=20))),
    ("adagrad_multistep", "adagrad", dict(lr=0.1),
     ("multistep", dict(milestones=[50, 100, 150], gamma=0.5))),
    ("rmsprop_cosine_restarts", "rmsprop", dict(lr=1e-2),
     ("cosine_restarts", dict(t_0=20, t_mult=2, eta_min=1e-5))),
]
# yapf: enable


def optimizer_cases():
    """(case id, optimizer name, args incl. lr, function, negate, schedule) in file order."""
    cases = []
    for case_id, name, lrs, args in CONFIGS:
        for function, lr in zip(FUNCTIONS, lrs):
            full_args = {"lr": lr, **args}
            negate = bool(args.get("maximize", False))
            cases.append((f"{case_id}/{function.label}", name, full_args, function, negate, None))
    for case_id, name, args, schedule in SCHEDULED:
        cases.append((f"{case_id}/{ROSENBROCK.label}", name, args, ROSENBROCK, False, schedule))
    return cases
