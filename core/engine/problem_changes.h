#pragma once

#include <Eigen/Core>
#include <memory>
#include <optional>

#include "core/engine/engine.h"
#include "core/nn/dataset.h"
#include "core/nn/network_task.h"
#include "core/objectives/objective.h"

namespace optiscope {

class NetworkProblem;

// Scene-wide changes of the problem, made of Engine::restartRuns: every affected run restarts
// under its own id, keeping its optimizer, schedule and options. Both validate everything
// first and throw SpecError with nothing changed.

// Every run on a test function moves to `objective` (each keeps its gradient noise), from
// `start` or the objective's default start. Runs on other problems are left alone.
void restartOnObjective(Engine& engine, const ObjectiveConfig& objective,
                        std::optional<Eigen::VectorXd> start = std::nullopt);

// Every network run moves to `problem` (a new task), each from its seeded initial network (so
// runs of different optimizers still start from ONE network).
void restartOnNetworkTask(Engine& engine, std::shared_ptr<const NetworkProblem> problem);
// The same for the task of `data` and `settings`, validated even when there is no network run.
void restartOnNetworkTask(Engine& engine, std::shared_ptr<const DataSplit> data,
                          const NetworkSettings& settings);

}  // namespace optiscope
