// Rate blocks: one factor for every coordinate (a clip by the global norm, a schedule, the
// learning rate). Their factor in the last step is their share of η_eff.
#include <cmath>
#include <limits>
#include <utility>

#include "core/optim/chain/chain_blocks.h"
#include "core/optim/schedule.h"
#include "core/util/spec_error.h"

namespace optiscope {
namespace {

void scaleInto(const double* in, double* out, Eigen::Index n, double factor) {
  for (Eigen::Index i = 0; i < n; ++i) out[i] = factor * in[i];
}

void multiplyAll(Eigen::VectorXd& rate, double factor) {
  for (Eigen::Index i = 0; i < rate.size(); ++i) rate[i] *= factor;
}

// clip_by_global_norm (optax): u ← ‖u‖ < max_norm ? u : (u/‖u‖)·max_norm.
class ClipByGlobalNormBlock : public ChainBlockBase<ClipByGlobalNormBlock> {
 public:
  std::string_view name() const override { return "clip_by_global_norm"; }
  bool elementwise() const override { return false; }
  void configure(const ParamValues& v) override { m_maxNorm = v.real("max_norm"); }
  void allocate(Eigen::Index) override { m_factor = 1.0; }
  void update(const double* in, double* out, Eigen::Index n, const BlockStep&) override {
    double squares = 0.0;
    for (Eigen::Index i = 0; i < n; ++i) squares += in[i] * in[i];
    const double norm = std::sqrt(squares);
    if (norm < m_maxNorm) {
      m_factor = 1.0;
      for (Eigen::Index i = 0; i < n; ++i) out[i] = in[i];
      return;
    }
    m_factor = m_maxNorm / norm;
    for (Eigen::Index i = 0; i < n; ++i) out[i] = (in[i] / norm) * m_maxNorm;
  }
  void multiplyRate(Eigen::VectorXd& rate) const override { multiplyAll(rate, m_factor); }
  bool scales() const override { return true; }

 private:
  double m_maxNorm = 1.0;
  double m_factor = 1.0;  // max_norm/‖u‖ of the last step, 1 when it did not clip
};

// The optimizer a block's schedule drives: torch's schedules write an optimizer's lr, and this
// one's lr starts at 1, so its lr is the schedule's factor (optax's step_size_fn(count)).
class ScheduleProbe : public OptimizerBase<ScheduleProbe> {
 public:
  ScheduleProbe() {
    ParamValues unit;
    unit.setNumber("lr", 1.0);
    setHyperparameters(unit);
  }
  std::string_view name() const override { return "scale_by_schedule"; }
  std::string_view effectiveLrTarget() const override { return "u"; }
  std::vector<StateView> state() const override { return {}; }

 protected:
  void applyHyperparameters(const ParamValues&) override {}
  void allocate(Eigen::Index) override {}
  void update(Eigen::Ref<Eigen::VectorXd>, const Eigen::Ref<const Eigen::VectorXd>&) override {}
  void computeEffectiveLr(Eigen::VectorXd&) const override {}
};

// scale_by_schedule (optax): u ← s(count)·u, s a torch schedule on a base lr of 1, count the
// block's own step count. A reconfigured schedule is replayed up to the current count.
class ScaleByScheduleBlock : public ChainBlockBase<ScaleByScheduleBlock> {
 public:
  ScaleByScheduleBlock() = default;
  ScaleByScheduleBlock(const ScaleByScheduleBlock& other)
      : m_config(other.m_config),
        m_schedule(other.m_schedule ? other.m_schedule->clone() : nullptr),
        m_probe(other.m_probe),
        m_count(other.m_count),
        m_factor(other.m_factor),
        m_attached(other.m_attached) {}
  ScaleByScheduleBlock& operator=(const ScaleByScheduleBlock&) = delete;

  std::string_view name() const override { return "scale_by_schedule"; }

  void configure(const ParamValues& v) override {
    const ScheduleConfig config = parseScheduleSpec(v.text("schedule"));
    if (config.name == "reduce_on_plateau")
      throw SpecError(
          "reduce_on_plateau needs the loss, which a block does not see; make it the run's "
          "schedule instead");
    if (m_schedule && config == m_config) return;  // unchanged: keep its progress
    auto schedule = makeSchedule(config);
    ScheduleProbe probe;
    schedule->attach(probe);  // throws for what a schedule needs and a block lacks (momentum)
    if (m_attached) {
      for (long long k = 0; k < m_count; ++k) schedule->step(probe, kNoMetric);
    }
    m_config = config;
    m_schedule = std::move(schedule);
    m_probe = probe;
  }
  void allocate(Eigen::Index) override {
    m_probe = ScheduleProbe();
    m_schedule->attach(m_probe);
    m_count = 0;
    m_factor = 1.0;
    m_attached = true;
  }
  void update(const double* in, double* out, Eigen::Index n, const BlockStep&) override {
    m_factor = m_probe.lr();
    scaleInto(in, out, n, m_factor);
    m_schedule->step(m_probe, kNoMetric);
    ++m_count;
  }
  void multiplyRate(Eigen::VectorXd& rate) const override { multiplyAll(rate, m_factor); }
  bool scales() const override { return true; }

 private:
  static constexpr double kNoMetric = std::numeric_limits<double>::quiet_NaN();

  ScheduleConfig m_config;
  std::unique_ptr<Schedule> m_schedule;
  ScheduleProbe m_probe;
  long long m_count = 0;
  double m_factor = 1.0;
  bool m_attached = false;
};

// scale_by_learning_rate (optax, without its sign flip): u ← lr·u, lr being the chain's lr at
// this step, which is what a run's schedule scales.
class ScaleByLearningRateBlock : public ChainBlockBase<ScaleByLearningRateBlock> {
 public:
  std::string_view name() const override { return "scale_by_learning_rate"; }
  void configure(const ParamValues&) override {}
  void allocate(Eigen::Index) override { m_lr = 0.0; }
  void update(const double* in, double* out, Eigen::Index n, const BlockStep& step) override {
    m_lr = step.lr;
    scaleInto(in, out, n, m_lr);
  }
  void multiplyRate(Eigen::VectorXd& rate) const override { multiplyAll(rate, m_lr); }
  bool scales() const override { return true; }

 private:
  double m_lr = 0.0;  // of the last step
};

}  // namespace

BlockInfo describeClipByGlobalNormBlock() {
  return {"clip_by_global_norm",
          "shrink the whole update when its norm exceeds max_norm",
          "u = |u| < max_norm ? u : (u/|u|)*max_norm",
          {positiveParam("max_norm", 1.0, "largest Euclidean norm of the update")},
          [] { return std::make_unique<ClipByGlobalNormBlock>(); }};
}

BlockInfo describeScaleByScheduleBlock() {
  return {"scale_by_schedule",
          "multiply by a schedule's factor at this block's step count (the schedule on lr = 1)",
          "u = s(count)*u",
          {specParam("schedule", "cosine(t_max=100)",
                     "a schedule spec, as for --schedule (not reduce_on_plateau)")},
          [] { return std::make_unique<ScaleByScheduleBlock>(); }};
}

BlockInfo describeScaleByLearningRateBlock() {
  return {"scale_by_learning_rate",
          "multiply by the learning rate: the chain's lr, which schedules drive",
          "u = lr*u",
          {learningRateParam(1e-3, "learning rate; the chain's lr (at most one such block)")},
          [] { return std::make_unique<ScaleByLearningRateBlock>(); }};
}

}  // namespace optiscope
