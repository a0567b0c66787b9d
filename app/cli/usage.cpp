#include "app/cli/commands.h"

namespace optiscope::cli {

const char* usageText() {
  return R"(optiscope-cli — run Optiscope's optimizers headless

Commands:
  functions                 one line per test function: dimension, global minima, view box,
                            default start; last, typed surfaces (expr:f=<formula>)
  optimizers                one line per optimizer: every hyperparameter with its default;
                            last, the blocks of the chain optimizer
  schedules                 one line per learning-rate schedule with its parameters
  run --function F --optimizer SPEC [--start X,Y] [--dim N] [--steps N] [--schedule SPEC]
      [--noise SIGMA] [--seed S] [--out FILE]
                            one optimizer on one function; CSV to FILE (or standard output
                            when FILE is '-' or absent)
  race --function F --optimizer SPEC [--optimizer SPEC ...] [--start X,Y] [--dim N]
       [--steps N] [--schedule SPEC] [--noise S] [--seed S] --out DIR
                            several optimizers from the same start, stepped together by the
                            engine; writes DIR/run-<index>-<optimizer>.csv (the run CSV) and
                            DIR/summary.csv (run,optimizer,final_loss,best_loss,
                            steps_to_tolerance,diverged_at); other files in DIR are left alone
  train --dataset NAME | --csv-data FILE [--hidden 8,8] [--activation tanh]
      [--features x1,x2] [--loss auto] [--regularization none] [--regularization-rate 0]
      [--optimizer SPEC] [--schedule SPEC] [--batch 10] [--epochs 100] [--noise 0]
      [--train-ratio 0.5] [--points 500] [--seed 0] [--out FILE]
                            one optimizer training one small network; one CSV row per epoch
  replay FILE [--steps N] [--epochs E] --out DIR
                            every run of an experiment file (FILE.optiscope.json, see
                            docs/EXPERIMENT_FORMAT.md) to its playback position, or N steps
                            and E epochs: DIR/landscape/ as `race` writes it and
                            DIR/network/run-<index>-<optimizer>.csv as `train` writes it
  sweep --function F --optimizer SPEC [--optimizer SPEC ...] --lr LO:HI:N [--seeds S]
        [--steps K] [--start X,Y] [--dim N] [--noise SIGMA] [--schedule SPEC] --out FILE
                            each optimizer at N log-spaced learning rates from LO to HI (the
                            SPEC's own lr is replaced), with noise seeds 0..S-1: one row per
                            run, optimizer,lr,seed,final_loss,best_loss,steps_to_tolerance,
                            diverged_at, each the numbers `run --seed k` gives for that lr
  basins --function F --optimizer SPEC --grid N [--box X0,X1,Y0,Y1] [--steps K]
         [--schedule SPEC] [--noise SIGMA] [--seed S] --out FILE
                            a start-point map: the run from each of N x N starts spanning the
                            box (default: the function's view box; N 2 to 400), one row per
                            start: x,y,minimum_index,final_x,final_y,final_loss,
                            steps_to_tolerance,diverged_at; minimum_index is the listed global
                            minimum the run ended near (final loss within 1e-6 of the minimum
                            value; the nearest listed point), empty if none

Specs:
  SPEC is `name` or `name:key=value,key=value`, with torch 1.13's hyperparameter names
  (betas, etas and step_sizes split: beta1, beta2, eta_minus, eta_plus, step_min, step_max).
  Booleans are true or false. Examples:
    --optimizer adam:lr=0.05,amsgrad=true
    --optimizer sgd:lr=0.001,momentum=0.9,nesterov=true
    --function quadratic:condition=100,angle=30      (or --function rosenbrock --dim 10)
    --schedule cosine:t_max=100
    --schedule multistep:milestones=[30,60],gamma=0.5
    --schedule sequence:first=linear(start_factor=0.1,total_iters=10),then=cosine(t_max=90),milestone=10
  A nested schedule is written name(key=value,...); lists are written [a,b,c].

Typed surfaces and chains:
    --function 'expr:f=(1-x)^2+100*(y-x^2)^2'
    --function 'expr:f=a*x^2+b*y^2,a=1,b=10,xmin=-3,xmax=3'      (x0,y0: default start)
    --function 'expr:f=x1^2+2*x2^2+3*x3^2'                      (N-d: x1..xn)
    --optimizer 'chain:blocks=[add_decayed_weights(weight_decay=0.01),scale_by_adam,scale_by_learning_rate(lr=0.05)]'
  A formula uses x, y (or x1..xn), numbers, pi, e, + - * / ^ and abs sqrt exp log log1p sin
  cos tan tanh sinh cosh atan atan2 min max pow hypot; every other name is a parameter whose
  value follows the formula. A chain's lr is its scale_by_learning_rate block's lr.

run CSV:
  header step,x,y,loss,grad_x,grad_y,lr_x,lr_y (N dimensions: step,x0..,loss,grad_x0..,lr_x0..).
  Row 0 is the start point; row k is the point after k updates with the loss and gradient there
  (the gradient the next update uses, noise included) and the per-parameter effective learning
  rates applied in update k (row 0: nan). Numbers have 17 significant digits.
  Defaults: the function's default start, 100 steps, no schedule, no noise, seed 0.
  A run that reaches a non-finite value stops at that row, prints 'diverged at step K' on
  standard error and exits 0.

train:
  Datasets: circle, xor, gaussian, spiral (as TensorFlow Playground draws them), moons,
  checkerboard, spiral3 (three classes); regression: plane, multi_gaussian. --points (10 to
  100000) and --noise (0 to 0.5, Playground's 0-50%) shape them; --seed fixes the points, the
  train/test split (the first --train-ratio of a shuffle trains), the initial weights and the
  batch order. --csv-data FILE reads lines x1,x2,label (header optional) instead: labels are
  classes 0..15 (or Playground's -1/1), or values with --loss mse.
  --hidden: up to 6 comma-separated layer widths of 1 to 16; 0 or '' for no hidden layer.
  --activation relu, tanh, sigmoid or linear (hidden layers; the output layer is linear).
  --features from x1,x2,x1sq,x2sq,x1x2,sin_x1,sin_x2.
  --loss auto (mse for regression, bce for two classes, cross_entropy for more), mse (no 1/2),
  bce (on one logit) or cross_entropy (softmax); the mean over the batch, as torch's.
  --regularization none, l1 (rate·Σ|w|) or l2 (rate/2·Σw²) on the weights, not the biases.
  Weights start Glorot-uniform (He-normal for relu), biases 0. Defaults: --optimizer
  adam:lr=0.03 (Playground's learning rate), no schedule. One epoch is one pass over the
  training set in a fresh shuffled order, in batches of --batch (the last may be smaller);
  the schedule advances once per batch step, so its t_max etc. count steps.
  CSV header epoch,step,train_loss,test_loss,train_accuracy,test_accuracy. Row 0 is the
  initial network; row e follows e epochs (step = updates so far). Losses are the mean data
  loss over each whole set; accuracies are empty for regression. Numbers are the shortest
  text that reads back exactly. A run that reaches a non-finite value stops after that
  epoch's row, prints 'diverged at step K (epoch E)' on standard error and exits 0.

sweep and basins:
  Every row is exactly what `run` gives for that learning rate and seed (sweep) or start
  (basins): the columns summarize the run's rows as race's summary.csv does (steps_to_tolerance:
  first row with loss within 1e-6 of the minimum value; diverged_at: first non-finite row).
  Defaults: --seeds 1, --steps 100, no noise, no schedule, the function's default start (sweep).
  They use every core; FILE '-' writes the CSV to standard output.

Exit codes: 0 success; 2 bad input (one line on standard error names it; no file is written).
)";
}

}  // namespace optiscope::cli
