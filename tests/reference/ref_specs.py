"""Our `name:key=value` specs and the torch objects they stand for.

A configuration is held once, as (name, ordered dict of OUR keys); both the spec text
written to the reference files and the torch constructor arguments are derived from it,
so the two can never disagree.
"""

import torch

OPTIMIZER_CLASSES = {
    "sgd": torch.optim.SGD,
    "adagrad": torch.optim.Adagrad,
    "rmsprop": torch.optim.RMSprop,
    "adadelta": torch.optim.Adadelta,
    "adam": torch.optim.Adam,
    "adamw": torch.optim.AdamW,
    "adamax": torch.optim.Adamax,
    "nadam": torch.optim.NAdam,
    "radam": torch.optim.RAdam,
    "asgd": torch.optim.ASGD,
    "rprop": torch.optim.Rprop,
}

# Our name <- torch state key, per optimizer (tensors of the parameter's size only).
STATE_NAMES = {
    "sgd": [("momentum_buffer", "momentum_buffer")],
    "adagrad": [("sum", "sum")],
    "rmsprop": [("v", "square_avg"), ("momentum_buffer", "momentum_buffer"),
                ("grad_avg", "grad_avg")],
    "adadelta": [("v", "square_avg"), ("u", "acc_delta")],
    "adam": [("m", "exp_avg"), ("v", "exp_avg_sq"), ("vmax", "max_exp_avg_sq")],
    "adamw": [("m", "exp_avg"), ("v", "exp_avg_sq"), ("vmax", "max_exp_avg_sq")],
    "adamax": [("m", "exp_avg"), ("u", "exp_inf")],
    "nadam": [("m", "exp_avg"), ("v", "exp_avg_sq")],
    "radam": [("m", "exp_avg"), ("v", "exp_avg_sq")],
    "asgd": [("ax", "ax")],
    "rprop": [("prev", "prev"), ("step_size", "step_size")],
}

# Our keys that torch takes as one tuple: torch name -> (first key, second key, torch default).
TUPLE_KEYS = {
    "betas": ("beta1", "beta2", (0.9, 0.999)),
    "etas": ("eta_minus", "eta_plus", (0.5, 1.2)),
    "step_sizes": ("step_min", "step_max", (1e-6, 50.0)),
}


def format_value(value):
    """Spec text of one value: true/false, integers as such, floats round-tripping (repr)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, list):
        return "[" + ",".join(format_value(v) for v in value) + "]"
    if isinstance(value, tuple):  # a nested spec (name, args)
        return value[0] + "(" + format_args(value[1]) + ")"
    return str(value)


def format_args(args):
    return ",".join(f"{key}={format_value(value)}" for key, value in args.items())


def spec_text(name, args):
    return f"{name}:{format_args(args)}" if args else name


def torch_optimizer_kwargs(args):
    kwargs = dict(args)
    for torch_key, (first, second, default) in TUPLE_KEYS.items():
        if first in kwargs or second in kwargs:
            kwargs[torch_key] = (kwargs.pop(first, default[0]), kwargs.pop(second, default[1]))
    return kwargs


def make_optimizer(name, args, params):
    return OPTIMIZER_CLASSES[name](params, **torch_optimizer_kwargs(args))


def final_state(name, optimizer, param):
    """[(our name, list of floats)] for every state tensor with as many elements as param."""
    state = optimizer.state[param]
    result = []
    for ours, theirs in STATE_NAMES[name]:
        tensor = state.get(theirs)
        if torch.is_tensor(tensor) and tensor.numel() == param.numel():
            result.append((ours, tensor.detach().reshape(-1).tolist()))
    return result


def make_scheduler(name, args, optimizer):
    """A torch scheduler from our schedule spec (all keys present)."""
    lrs = torch.optim.lr_scheduler
    a = args
    if name == "step":
        return lrs.StepLR(optimizer, step_size=a["step_size"], gamma=a["gamma"])
    if name == "multistep":
        return lrs.MultiStepLR(optimizer, milestones=a["milestones"], gamma=a["gamma"])
    if name == "exponential":
        return lrs.ExponentialLR(optimizer, gamma=a["gamma"])
    if name == "cosine":
        return lrs.CosineAnnealingLR(optimizer, T_max=a["t_max"], eta_min=a["eta_min"])
    if name == "cosine_restarts":
        return lrs.CosineAnnealingWarmRestarts(optimizer, T_0=a["t_0"], T_mult=a["t_mult"],
                                               eta_min=a["eta_min"])
    if name == "linear":
        return lrs.LinearLR(optimizer, start_factor=a["start_factor"],
                            end_factor=a["end_factor"], total_iters=a["total_iters"])
    if name == "constant":
        return lrs.ConstantLR(optimizer, factor=a["factor"], total_iters=a["total_iters"])
    if name == "onecycle":
        return lrs.OneCycleLR(optimizer, **a)
    if name == "cyclic":
        return lrs.CyclicLR(optimizer, **a)
    if name == "reduce_on_plateau":
        return lrs.ReduceLROnPlateau(optimizer, **a)
    if name == "sequence":
        first = make_scheduler(*a["first"], optimizer)
        then = make_scheduler(*a["then"], optimizer)
        return lrs.SequentialLR(optimizer, [first, then], milestones=[a["milestone"]])
    raise ValueError(f"unknown schedule {name}")


def group_momentum(optimizer):
    """The momentum a cycling schedule writes: 'momentum', or betas[0] for the Adam family;
    None for optimizers that have neither."""
    group = optimizer.param_groups[0]
    return group["betas"][0] if "betas" in group else group.get("momentum")
