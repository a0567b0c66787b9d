// Direction blocks: they change the update's direction (clipping, weight decay, momentum,
// sign) and contribute no factor to η_eff.
#include <cmath>

#include "core/optim/chain/chain_blocks.h"

namespace optiscope {
namespace {

// clip (optax.clip): u ← clamp(u, −max_delta, max_delta), coordinate by coordinate.
class ClipBlock : public ChainBlockBase<ClipBlock> {
 public:
  std::string_view name() const override { return "clip"; }
  void configure(const ParamValues& v) override { m_maxDelta = v.real("max_delta"); }
  void allocate(Eigen::Index) override {}
  void update(const double* in, double* out, Eigen::Index n, const BlockStep&) override {
    const double limit = m_maxDelta;
    // NaN passes through, as in jnp.clip.
    for (Eigen::Index i = 0; i < n; ++i)
      out[i] = in[i] < -limit ? -limit : (in[i] > limit ? limit : in[i]);
  }

 private:
  double m_maxDelta = 1.0;
};

// add_decayed_weights (optax): u ← u + wd·p, the L2 term torch adds to the gradient
// (fma(wd, p, d), OPTIMIZERS.md §0.2), so the chain's weight decay is torch's to the bit.
class AddDecayedWeightsBlock : public ChainBlockBase<AddDecayedWeightsBlock> {
 public:
  std::string_view name() const override { return "add_decayed_weights"; }
  void configure(const ParamValues& v) override { m_weightDecay = v.real("weight_decay"); }
  void allocate(Eigen::Index) override {}
  void update(const double* in, double* out, Eigen::Index n, const BlockStep& step) override {
    const double wd = m_weightDecay;
    for (Eigen::Index i = 0; i < n; ++i) out[i] = std::fma(wd, step.params[i], in[i]);
  }

 private:
  double m_weightDecay = 0.0;
};

// trace (optax): momentum. t ← u + decay·t; u ← nesterov ? u + decay·t : t. With t starting
// at 0 the first step gives t = u, as torch's SGD buffer; u + decay·t rounds as torch's
// fma(1, d, buf·μ), and the Nesterov sum is torch's fma(μ, buf, d).
class TraceBlock : public ChainBlockBase<TraceBlock> {
 public:
  std::string_view name() const override { return "trace"; }
  void configure(const ParamValues& v) override {
    m_decay = v.real("decay");
    m_nesterov = v.flag("nesterov");
  }
  void allocate(Eigen::Index n) override { m_trace = Eigen::VectorXd::Zero(n); }
  void update(const double* in, double* out, Eigen::Index n, const BlockStep&) override {
    const double decay = m_decay;
    double* trace = m_trace.data();
    for (Eigen::Index i = 0; i < n; ++i) {
      const double t = in[i] + decay * trace[i];
      trace[i] = t;
      out[i] = m_nesterov ? std::fma(decay, t, in[i]) : t;
    }
  }
  std::vector<StateView> state() const override { return {{"trace", &m_trace}}; }

 private:
  double m_decay = 0.9;
  bool m_nesterov = false;
  Eigen::VectorXd m_trace;
};

// scale_by_sign (optax.sign): u ← sign(u), 0 for 0, NaN stays NaN.
class ScaleBySignBlock : public ChainBlockBase<ScaleBySignBlock> {
 public:
  std::string_view name() const override { return "scale_by_sign"; }
  void configure(const ParamValues&) override {}
  void allocate(Eigen::Index) override {}
  void update(const double* in, double* out, Eigen::Index n, const BlockStep&) override {
    for (Eigen::Index i = 0; i < n; ++i)
      out[i] = std::isnan(in[i]) ? in[i] : static_cast<double>((in[i] > 0.0) - (in[i] < 0.0));
  }
};

}  // namespace

BlockInfo describeClipBlock() {
  return {"clip",
          "clip every coordinate of the update to [-max_delta, max_delta]",
          "u = clamp(u, -max_delta, max_delta)",
          {positiveParam("max_delta", 1.0, "largest magnitude of a coordinate")},
          [] { return std::make_unique<ClipBlock>(); }};
}

BlockInfo describeAddDecayedWeightsBlock() {
  return {"add_decayed_weights",
          "add weight decay: the L2 penalty's gradient wd*p",
          "u = u + weight_decay*p",
          {nonNegativeParam("weight_decay", 0.0, "coefficient of p added to the update")},
          [] { return std::make_unique<AddDecayedWeightsBlock>(); }};
}

BlockInfo describeTraceBlock() {
  return {"trace",
          "momentum: an accumulated trace of past updates (optionally Nesterov)",
          "t = u + decay*t; u = nesterov ? u + decay*t : t",
          {nonNegativeParam("decay", 0.9, "momentum factor of the trace"),
           boolParam("nesterov", false, "Nesterov momentum: add decay*t to u once more")},
          [] { return std::make_unique<TraceBlock>(); }};
}

BlockInfo describeScaleBySignBlock() {
  return {"scale_by_sign",
          "keep only the sign of each coordinate (signSGD; Lion's last step)",
          "u = sign(u)",
          {},
          [] { return std::make_unique<ScaleBySignBlock>(); }};
}

}  // namespace optiscope
