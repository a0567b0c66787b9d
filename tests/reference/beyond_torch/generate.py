#!/usr/bin/python3
"""Reference trajectories for the optimizers that torch 1.13 does not have.

Each optimizer below is a line-by-line port of the update code of its pinned reference
implementation (OPTIMIZERS.md §3), executed with torch float64 tensors, so that every
elementwise operation (mul_, add_ with alpha, addcmul_, addcdiv_, sqrt, sign, clamp, max) is
torch's own kernel, exactly as the reference repository would run it:

  lion       lucidrains/lion-pytorch @ 05258c934a4e69af6e897a2d614e23e9b8c0ca4c
             lion_pytorch/lion_pytorch.py (update_fn; decoupled_weight_decay=False)
  adabelief  juntang-zhuang/Adabelief-Optimizer @ e0ed01dfd825d5949e26ebcceff4192ceed7ac2e
             pypi_packages/adabelief_pytorch0.2.0/adabelief_pytorch/AdaBelief.py
  yogi       jettify/pytorch-optimizer @ af6d6e136bd36f1c658c932cc6cd55838cf72050
             torch_optimizer/yogi.py
  adabound   Luolc/AdaBound @ 324c8b90e4286f9d8ceb3015533ec4b1170faa98
             adabound/adabound.py (class AdaBound)

The repositories' deprecated call forms (`add_(scalar, tensor)`, `addcmul_(scalar, t1, t2)`)
are written in their current keyword form, which dispatches to the same kernels. Printing and
the multi-group bookkeeping (AdaBelief's 10-slot step cache) are left out: with one parameter
tensor they cannot change a number.

The gradient is the analytic Rosenbrock gradient with the fixed operation order of
OPTIMIZERS.md §5.1, computed in Python floats, so no autograd rounding enters.

Run:  /usr/bin/python3 tests/reference/beyond_torch/generate.py
Writes tests/reference/beyond_torch/trajectories.ref next to this script. Format:

  case <id>
  optimizer <Optiscope spec>
  function rosenbrock
  steps N
  start <x> <y>
  lr <k> <lr>          (only when the lr changes during the run: the lr of step k)
  p <k> <x> <y>        (parameters after step k, k = 1..N)
  end

All numbers are float64 in Python float.hex() form.
"""

import math
import os

import torch

STEPS = 200
START = (-1.5, 2.0)


def rosenbrock_gradient(x, y):
    t = y - x * x
    gx = (-2.0 * (1.0 - x)) - ((400.0 * x) * t)
    gy = 200.0 * t
    return gx, gy


# --- lion-pytorch: update_fn ---------------------------------------------------------------

class Lion:
    def __init__(self, lr=1e-4, beta1=0.9, beta2=0.99, weight_decay=0.0):
        self.lr, self.betas, self.wd = lr, (beta1, beta2), weight_decay
        self.exp_avg = None

    def step(self, p, grad):
        if self.exp_avg is None:
            self.exp_avg = torch.zeros_like(p)
        lr, wd, (beta1, beta2), exp_avg = self.lr, self.wd, self.betas, self.exp_avg
        p.mul_(1. - lr * wd)
        update = exp_avg.clone().mul_(beta1).add(grad, alpha=1. - beta1).sign_()
        p.add_(update, alpha=-lr)
        exp_avg.mul_(beta2).add_(grad, alpha=1. - beta2)


# --- Adabelief-Optimizer 0.2.0: AdaBelief.step ---------------------------------------------

class AdaBelief:
    def __init__(self, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-16, weight_decay=0.0,
                 amsgrad=False, weight_decouple=True, fixed_decay=False, rectify=True,
                 degenerated_to_sgd=True):
        self.lr, self.betas, self.eps, self.wd = lr, (beta1, beta2), eps, weight_decay
        self.amsgrad, self.weight_decouple, self.fixed_decay = amsgrad, weight_decouple, fixed_decay
        self.rectify, self.degenerated_to_sgd = rectify, degenerated_to_sgd
        self.state = {}

    def step(self, p, grad):
        state, (beta1, beta2), lr, wd, eps = self.state, self.betas, self.lr, self.wd, self.eps
        if len(state) == 0:
            state['step'] = 0
            state['exp_avg'] = torch.zeros_like(p)
            state['exp_avg_var'] = torch.zeros_like(p)
            if self.amsgrad:
                state['max_exp_avg_var'] = torch.zeros_like(p)

        if self.weight_decouple:
            if not self.fixed_decay:
                p.mul_(1.0 - lr * wd)
            else:
                p.mul_(1.0 - wd)
        else:
            if wd != 0:
                grad.add_(p, alpha=wd)

        exp_avg, exp_avg_var = state['exp_avg'], state['exp_avg_var']
        state['step'] += 1
        bias_correction1 = 1 - beta1 ** state['step']
        bias_correction2 = 1 - beta2 ** state['step']

        exp_avg.mul_(beta1).add_(grad, alpha=1 - beta1)
        grad_residual = grad - exp_avg
        exp_avg_var.mul_(beta2).addcmul_(grad_residual, grad_residual, value=1 - beta2)

        if self.amsgrad:
            max_exp_avg_var = state['max_exp_avg_var']
            torch.max(max_exp_avg_var, exp_avg_var.add_(eps), out=max_exp_avg_var)
            denom = (max_exp_avg_var.sqrt() / math.sqrt(bias_correction2)).add_(eps)
        else:
            denom = (exp_avg_var.add_(eps).sqrt() / math.sqrt(bias_correction2)).add_(eps)

        if not self.rectify:
            step_size = lr / bias_correction1
            p.addcdiv_(exp_avg, denom, value=-step_size)
        else:
            beta2_t = beta2 ** state['step']
            N_sma_max = 2 / (1 - beta2) - 1
            N_sma = N_sma_max - 2 * state['step'] * beta2_t / (1 - beta2_t)
            if N_sma >= 5:
                step_size = math.sqrt(
                    (1 - beta2_t) * (N_sma - 4) / (N_sma_max - 4) * (N_sma - 2) / N_sma * N_sma_max / (
                        N_sma_max - 2)) / (1 - beta1 ** state['step'])
            elif self.degenerated_to_sgd:
                step_size = 1.0 / (1 - beta1 ** state['step'])
            else:
                step_size = -1
            if N_sma >= 5:
                denom = exp_avg_var.sqrt().add_(eps)
                p.addcdiv_(exp_avg, denom, value=-step_size * lr)
            elif step_size > 0:
                p.add_(exp_avg, alpha=-step_size * lr)


# --- pytorch-optimizer: Yogi.step ----------------------------------------------------------

class Yogi:
    def __init__(self, lr=1e-2, beta1=0.9, beta2=0.999, eps=1e-3, initial_accumulator=1e-6,
                 weight_decay=0.0):
        self.lr, self.betas, self.eps, self.wd = lr, (beta1, beta2), eps, weight_decay
        self.initial_accumulator = initial_accumulator
        self.state = {}

    def step(self, p, grad):
        state = self.state
        if len(state) == 0:
            state['step'] = 0
            state['exp_avg'] = torch.nn.init.constant_(torch.empty_like(p), self.initial_accumulator)
            state['exp_avg_sq'] = torch.nn.init.constant_(torch.empty_like(p),
                                                          self.initial_accumulator)
        exp_avg, exp_avg_sq = state['exp_avg'], state['exp_avg_sq']
        beta1, beta2 = self.betas
        state['step'] += 1
        bias_correction1 = 1 - beta1 ** state['step']
        bias_correction2 = 1 - beta2 ** state['step']
        if self.wd != 0:
            grad = grad.add(p, alpha=self.wd)
        exp_avg.mul_(beta1).add_(grad, alpha=1 - beta1)
        grad_squared = grad.mul(grad)
        exp_avg_sq.addcmul_(torch.sign(exp_avg_sq - grad_squared), grad_squared,
                            value=-(1 - beta2))
        denom = (exp_avg_sq.sqrt() / math.sqrt(bias_correction2)).add_(self.eps)
        step_size = self.lr / bias_correction1
        p.addcdiv_(exp_avg, denom, value=-step_size)


# --- AdaBound: AdaBound.step ---------------------------------------------------------------

class AdaBound:
    def __init__(self, lr=1e-3, beta1=0.9, beta2=0.999, final_lr=0.1, gamma=1e-3, eps=1e-8,
                 weight_decay=0.0, amsbound=False):
        self.lr, self.betas, self.final_lr, self.gamma = lr, (beta1, beta2), final_lr, gamma
        self.eps, self.wd, self.amsbound = eps, weight_decay, amsbound
        self.base_lr = lr  # self.base_lrs in the reference: the lr at construction
        self.state = {}

    def step(self, p, grad):
        state = self.state
        if len(state) == 0:
            state['step'] = 0
            state['exp_avg'] = torch.zeros_like(p)
            state['exp_avg_sq'] = torch.zeros_like(p)
            if self.amsbound:
                state['max_exp_avg_sq'] = torch.zeros_like(p)
        exp_avg, exp_avg_sq = state['exp_avg'], state['exp_avg_sq']
        beta1, beta2 = self.betas
        state['step'] += 1
        if self.wd != 0:
            grad = grad.add(p, alpha=self.wd)
        exp_avg.mul_(beta1).add_(grad, alpha=1 - beta1)
        exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
        if self.amsbound:
            max_exp_avg_sq = state['max_exp_avg_sq']
            torch.max(max_exp_avg_sq, exp_avg_sq, out=max_exp_avg_sq)
            denom = max_exp_avg_sq.sqrt().add_(self.eps)
        else:
            denom = exp_avg_sq.sqrt().add_(self.eps)
        bias_correction1 = 1 - beta1 ** state['step']
        bias_correction2 = 1 - beta2 ** state['step']
        step_size = self.lr * math.sqrt(bias_correction2) / bias_correction1
        final_lr = self.final_lr * self.lr / self.base_lr
        lower_bound = final_lr * (1 - 1 / (self.gamma * state['step'] + 1))
        upper_bound = final_lr * (1 + 1 / (self.gamma * state['step']))
        step_size = torch.full_like(denom, step_size)
        step_size.div_(denom).clamp_(lower_bound, upper_bound).mul_(exp_avg)
        p.add_(-step_size)


# --- cases ---------------------------------------------------------------------------------

# (id, Optiscope spec, optimizer class, keyword arguments, per-step lr decay or None).
# A decay γ multiplies the lr after every step, as torch's ExponentialLR does (η ← η·γ).
CASES = [
    ('lion', 'lion:lr=0.001', Lion, dict(lr=1e-3), None),
    ('lion_wd', 'lion:lr=0.003,weight_decay=0.5', Lion, dict(lr=3e-3, weight_decay=0.5), None),
    ('lion_betas', 'lion:lr=0.001,beta1=0.95,beta2=0.9', Lion,
     dict(lr=1e-3, beta1=0.95, beta2=0.9), None),
    ('lion_wd_decaying_lr', 'lion:lr=0.003,weight_decay=0.5', Lion,
     dict(lr=3e-3, weight_decay=0.5), 0.99),
    ('adabelief', 'adabelief:lr=0.001', AdaBelief, dict(lr=1e-3), None),
    ('adabelief_no_rectify', 'adabelief:lr=0.01,rectify=false', AdaBelief,
     dict(lr=1e-2, rectify=False), None),
    ('adabelief_amsgrad', 'adabelief:lr=0.01,amsgrad=true,rectify=false', AdaBelief,
     dict(lr=1e-2, amsgrad=True, rectify=False), None),
    ('adabelief_amsgrad_rectify', 'adabelief:lr=0.001,amsgrad=true', AdaBelief,
     dict(lr=1e-3, amsgrad=True), None),
    ('adabelief_l2', 'adabelief:lr=0.01,weight_decay=0.1,weight_decouple=false,rectify=false',
     AdaBelief, dict(lr=1e-2, weight_decay=0.1, weight_decouple=False, rectify=False), None),
    ('adabelief_decoupled_wd', 'adabelief:lr=0.001,weight_decay=0.5', AdaBelief,
     dict(lr=1e-3, weight_decay=0.5), None),
    ('adabelief_fixed_decay', 'adabelief:lr=0.001,weight_decay=0.001,fixed_decay=true',
     AdaBelief, dict(lr=1e-3, weight_decay=1e-3, fixed_decay=True), None),
    ('adabelief_no_sgd_warmup', 'adabelief:lr=0.001,degenerated_to_sgd=false', AdaBelief,
     dict(lr=1e-3, degenerated_to_sgd=False), None),
    ('adabelief_betas_eps', 'adabelief:lr=0.01,beta1=0.8,beta2=0.99,eps=1e-08,rectify=false',
     AdaBelief, dict(lr=1e-2, beta1=0.8, beta2=0.99, eps=1e-8, rectify=False), None),
    ('adabelief_decaying_lr', 'adabelief:lr=0.001,weight_decay=0.5', AdaBelief,
     dict(lr=1e-3, weight_decay=0.5), 0.99),
    ('yogi', 'yogi:lr=0.01', Yogi, dict(lr=1e-2), None),
    ('yogi_wd_betas', 'yogi:lr=0.01,beta1=0.8,beta2=0.99,weight_decay=0.1', Yogi,
     dict(lr=1e-2, beta1=0.8, beta2=0.99, weight_decay=0.1), None),
    ('yogi_accumulator_eps', 'yogi:lr=0.02,eps=1e-06,initial_accumulator=0.5', Yogi,
     dict(lr=2e-2, eps=1e-6, initial_accumulator=0.5), None),
    ('adabound', 'adabound:lr=0.001,final_lr=0.001', AdaBound,
     dict(lr=1e-3, final_lr=1e-3), None),
    ('adabound_defaults', 'adabound', AdaBound, dict(), None),
    # beta2 = 0.9 lets v fall when the gradient shrinks, so that vmax differs from v.
    ('adabound_amsbound', 'adabound:lr=0.003,beta2=0.9,final_lr=0.003,amsbound=true', AdaBound,
     dict(lr=3e-3, beta2=0.9, final_lr=3e-3, amsbound=True), None),
    ('adabound_no_amsbound', 'adabound:lr=0.003,beta2=0.9,final_lr=0.003', AdaBound,
     dict(lr=3e-3, beta2=0.9, final_lr=3e-3), None),
    ('adabound_fast_bounds_wd', 'adabound:lr=0.01,final_lr=0.002,gamma=0.05,weight_decay=0.1',
     AdaBound, dict(lr=1e-2, final_lr=2e-3, gamma=0.05, weight_decay=0.1), None),
    ('adabound_decaying_lr', 'adabound:lr=0.01,final_lr=0.002,gamma=0.05', AdaBound,
     dict(lr=1e-2, final_lr=2e-3, gamma=0.05), 0.98),
]


def run_case(case_id, spec, cls, kwargs, decay):
    optimizer = cls(**kwargs)
    p = torch.tensor(START, dtype=torch.float64)
    lines = [f'case {case_id}', f'optimizer {spec}', 'function rosenbrock', f'steps {STEPS}',
             f'start {START[0].hex()} {START[1].hex()}']
    for k in range(1, STEPS + 1):
        x, y = p.tolist()
        grad = torch.tensor(rosenbrock_gradient(x, y), dtype=torch.float64)
        if decay is not None:
            lines.append(f'lr {k} {optimizer.lr.hex()}')
        optimizer.step(p, grad)
        x, y = p.tolist()
        if not (math.isfinite(x) and math.isfinite(y)):
            raise SystemExit(f'{case_id} diverged at step {k}; pick a smaller lr')
        lines.append(f'p {k} {x.hex()} {y.hex()}')
        if decay is not None:
            optimizer.lr = optimizer.lr * decay
    lines.append('end')
    return lines


def cpu_capability():
    for line in torch.__config__.show().splitlines():
        if 'CPU capability usage:' in line:
            return line.split(':', 1)[1].strip()
    return 'unknown'


def main():
    torch.set_num_threads(1)
    out = [
        '# Optiscope reference data: optimizers beyond torch 1.13, ported from their pinned',
        '# reference implementations and run with torch float64 (see generate.py).',
        f'# torch {torch.__version__}, CPU capability {cpu_capability()}',
    ]
    for case in CASES:
        out.extend(run_case(*case))
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'trajectories.ref')
    with open(path + '.tmp', 'w') as f:
        f.write('\n'.join(out) + '\n')
    os.replace(path + '.tmp', path)
    print(f'wrote {len(CASES)} cases to {path}')


if __name__ == '__main__':
    main()
