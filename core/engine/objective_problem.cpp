#include "core/engine/objective_problem.h"

#include <utility>

namespace optiscope {

ObjectiveProblem::ObjectiveProblem(ObjectiveConfig objective, double noiseSigma,
                                   std::uint64_t noiseSeed)
    : m_config(std::move(objective)),
      m_objective(makeObjective(m_config)),
      m_noise(noiseSigma, noiseSeed) {}

ObjectiveProblem::ObjectiveProblem(const ObjectiveProblem& other)
    : Problem(other),
      m_config(other.m_config),
      m_objective(other.m_objective->clone()),
      m_noise(other.m_noise) {}

std::unique_ptr<Problem> ObjectiveProblem::clone() const {
  return std::make_unique<ObjectiveProblem>(*this);
}

double ObjectiveProblem::lossAndGradient(long long step, const Eigen::VectorXd& params,
                                         Eigen::VectorXd& gradient) {
  const double loss = m_objective->valueAndGradient(params, gradient);
  m_noise.perturb(step, gradient);
  return loss;
}

RunConfig objectiveRunConfig(const ObjectiveConfig& objective, OptimizerConfig optimizer,
                             ScheduleConfig schedule, std::optional<Eigen::VectorXd> start,
                             double noiseSigma, std::uint64_t noiseSeed) {
  return {std::make_shared<const ObjectiveProblem>(objective, noiseSigma, noiseSeed),
          std::move(optimizer), std::move(schedule), std::move(start)};
}

const ObjectiveProblem* objectiveProblemOf(const Problem* problem) {
  return dynamic_cast<const ObjectiveProblem*>(problem);
}

}  // namespace optiscope
