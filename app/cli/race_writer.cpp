#include "app/cli/race_writer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <map>

#include "core/engine/engine.h"
#include "core/engine/objective_problem.h"
#include "core/engine/run_csv.h"
#include "core/util/atomic_file.h"
#include "core/util/spec.h"

namespace optiscope::cli {
namespace {

// What summary.csv says of one run, accumulated while its rows stream by.
struct RaceSummary {
  double finalLoss = std::numeric_limits<double>::quiet_NaN();
  double bestLoss = std::numeric_limits<double>::infinity();
  long long stepsToTolerance = -1;
  long long divergedAt = -1;
};

// One racer's CSV: rows go to a temporary file as the engine hands them over, and the file
// is renamed into place only when the race is complete, so a reader never sees half a file
// and memory stays flat however long the race.
class RaceFile {
 public:
  RaceFile(std::filesystem::path target, Eigen::Index dim, double minimumValue)
      : m_target(std::move(target)), m_minimumValue(minimumValue) {
    m_temp = m_target;
    m_temp += ".partial";
    m_out.open(m_temp, std::ios::binary | std::ios::trunc);
    if (!m_out) throw std::runtime_error("cannot write '" + m_target.string() + "'");
    writeRunHeader(m_out, dim);
  }

  void write(const Trace& points) {
    for (std::size_t i = 0; i < points.size(); ++i) {
      const TracePoint p = points[i];
      writeRunRow(m_out, p.step, p.params, p.loss, p.gradient, p.effectiveLr);
      m_summary.finalLoss = p.loss;
      if (p.loss < m_summary.bestLoss) m_summary.bestLoss = p.loss;
      if (m_summary.stepsToTolerance < 0 && std::abs(p.loss - m_minimumValue) <= 1e-6)
        m_summary.stepsToTolerance = p.step;
    }
  }

  RaceSummary finish(long long divergedAt) {
    m_out.close();
    if (!m_out) throw std::runtime_error("cannot write '" + m_target.string() + "'");
    std::filesystem::rename(m_temp, m_target);
    m_summary.divergedAt = divergedAt;
    return m_summary;
  }

  void abandon() {
    m_out.close();
    std::error_code ignored;
    std::filesystem::remove(m_temp, ignored);
  }

 private:
  std::filesystem::path m_target, m_temp;
  std::ofstream m_out;
  double m_minimumValue;
  RaceSummary m_summary;
};

std::string csvField(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::string numberOrEmpty(double value, bool present) {
  return present ? formatDouble(value) : std::string();
}

// Full-resolution trace deltas grow for as long as nobody takes them, and the engine steps
// far faster than rows can be formatted: left to run freely, a long race would pile up
// ~64 bytes per step and run in memory. So the race goes in chunks of about this many bytes
// of trace (all runs together), with back-pressure: the engine computes chunk k+1 while
// chunk k is written, and chunk k+2 is requested only once chunk k+1 was taken. Memory then
// holds about two chunks, however long the race.
constexpr std::size_t kChunkBytes = std::size_t{4} << 20;

long long stepsPerChunk(std::size_t runs, Eigen::Index dim) {
  const std::size_t bytesPerStep = runs * (2 + 3 * static_cast<std::size_t>(dim)) * sizeof(double);
  return static_cast<long long>(std::max<std::size_t>(1, kChunkBytes / bytesPerStep));
}

bool everyRunStopped(const Snapshot& snapshot) {
  return std::all_of(snapshot.runs.begin(), snapshot.runs.end(),
                     [](const RunSnapshot& run) { return run.diverged || run.finished; });
}

// Steps every run of `engine` (paused, each limited to `steps`) to the end, handing every
// trace point to `write` in order.
template <class Write>
void streamRace(Engine& engine, long long steps, long long chunk, Write write) {
  long long requested = std::min(chunk, steps);
  engine.step(requested);  // a race of 0 steps still has its row 0 to hand over
  std::vector<TraceDelta> recycled;
  for (;;) {
    while (!engine.waitUntilIdle(std::chrono::seconds(1))) continue;
    std::vector<TraceDelta> taken = engine.takeTraceDeltas(std::move(recycled));
    const bool last = requested >= steps || everyRunStopped(*engine.snapshot());
    if (!last) {
      const long long next = std::min(chunk, steps - requested);
      engine.step(next);
      requested += next;
    }
    for (const TraceDelta& delta : taken) write(delta);
    recycled = std::move(taken);
    if (last) return;
  }
}

}  // namespace

void writeRace(const std::vector<RunConfig>& configs,
               const std::vector<std::string>& optimizerSpecs, long long steps,
               const std::string& outDir) {
  std::filesystem::create_directories(outDir);
  const Objective& objective =
      dynamic_cast<const ObjectiveProblem&>(*configs.front().problem).objective();
  Engine engine;
  std::map<RunId, RaceFile> files;
  std::vector<RunId> ids;
  try {
    for (size_t i = 0; i < configs.size(); ++i) {
      const RunId id = engine.addRun(configs[i], RunOptions{steps, true});
      ids.push_back(id);
      const std::string name = "run-" + std::to_string(i + 1) + "-" + configs[i].optimizer.name;
      files.try_emplace(id, std::filesystem::path(outDir) / (name + ".csv"), objective.dim(),
                        objective.minimumValue());
    }
    streamRace(engine, steps, stepsPerChunk(configs.size(), objective.dim()),
               [&](const TraceDelta& delta) { files.at(delta.run).write(delta.points); });

    const auto snapshot = engine.snapshot();
    std::vector<RaceSummary> summaries;
    for (RunId id : ids) {
      const RunSnapshot* run = snapshot->find(id);
      const long long divergedAt = run ? run->divergedAt : -1;
      summaries.push_back(files.at(id).finish(divergedAt));
      if (divergedAt >= 0)
        std::cerr << "run " << summaries.size() << " ("
                  << configs[summaries.size() - 1].optimizer.name << ") diverged at step "
                  << divergedAt << '\n';
    }
    writeFileAtomically(
        (std::filesystem::path(outDir) / "summary.csv").string(), [&](std::ostream& out) {
          out << "run,optimizer,final_loss,best_loss,steps_to_tolerance,"
                 "diverged_at\n";
          for (size_t i = 0; i < summaries.size(); ++i) {
            const RaceSummary& s = summaries[i];
            out << i + 1 << ',' << csvField(optimizerSpecs[i]) << ',' << formatDouble(s.finalLoss)
                << ',' << numberOrEmpty(s.bestLoss, std::isfinite(s.bestLoss)) << ','
                << (s.stepsToTolerance >= 0 ? std::to_string(s.stepsToTolerance) : std::string())
                << ',' << (s.divergedAt >= 0 ? std::to_string(s.divergedAt) : std::string())
                << '\n';
          }
        });
  } catch (...) {
    for (auto& [id, file] : files) file.abandon();
    throw;
  }
}

}  // namespace optiscope::cli
