"""The two torch loops whose records fill optimizers.ref and schedules.ref."""

import torch

from ref_specs import final_state, group_momentum, make_optimizer, make_scheduler


class Trajectory:

    def __init__(self):
        self.lrs = []  # lr in effect when optimizer.step() #k ran
        self.points = []  # parameters after step k
        self.losses = []  # f after step k (what ReduceLROnPlateau sees)
        self.state = []  # [(our name, values)] after the last step


def run_optimizer(name, args, function, negate, schedule, steps):
    """schedule: None or (schedule name, args). The loop of the brief, step for step."""
    p = torch.tensor(function.start, dtype=torch.float64, requires_grad=True)
    optimizer = make_optimizer(name, args, [p])
    scheduler = make_scheduler(*schedule, optimizer) if schedule else None
    plateau = schedule is not None and schedule[0] == "reduce_on_plateau"
    result = Trajectory()
    for _ in range(steps):
        g = function.gradient(p.detach().tolist())
        if negate:
            g = [-v for v in g]
        p.grad = torch.tensor(g, dtype=torch.float64)
        result.lrs.append(optimizer.param_groups[0]["lr"])
        optimizer.step()
        point = p.detach().tolist()
        result.points.append(point)
        loss = function.value(point)
        result.losses.append(loss)
        if plateau:
            scheduler.step(loss)
        elif scheduler is not None:
            scheduler.step()
    result.state = final_state(name, optimizer, p)
    return result


class ScheduleRecord:

    def __init__(self):
        self.lrs = []
        self.momenta = []


def run_schedule(schedule, optimizer_name, optimizer_args, steps, metrics=None):
    """lr (and momentum) in effect for optimizer steps 1..steps; no optimizer.step() is made."""
    p = torch.zeros(2, dtype=torch.float64, requires_grad=True)
    optimizer = make_optimizer(optimizer_name, optimizer_args, [p])
    scheduler = make_scheduler(*schedule, optimizer)
    record = ScheduleRecord()
    for k in range(steps):
        record.lrs.append(optimizer.param_groups[0]["lr"])
        record.momenta.append(group_momentum(optimizer))
        if metrics is not None:
            scheduler.step(metrics[k])
        else:
            scheduler.step()
    return record
