#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>

#include "core/experiment/experiment_io.h"
#include "core/experiment/scene_readers.h"

namespace optiscope {
namespace {

// Records where a parse failed (nlohmann's exceptions from the parser carry a position only
// for syntax errors, not for a number out of range): the text is parsed a second time with
// this handler when the first parse failed.
struct ErrorLocator : nlohmann::json_sax<Json> {
  std::size_t position = 0;
  std::string message;

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t where, const std::string&,
                   const nlohmann::detail::exception& error) override {
    position = where;
    message = error.what();
    return false;
  }
};

// nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error
// while parsing value - invalid literal; last read: 'x'" without what the location says.
std::string parseProblem(std::string message) {
  if (const auto bracket = message.find("] "); message.rfind("[json.exception.", 0) == 0)
    message.erase(0, bracket + 2);
  if (message.rfind("parse error", 0) == 0)
    if (const auto colon = message.find(": "); colon != std::string::npos)
      message.erase(0, colon + 2);
  return "malformed JSON: " + message;
}

// 1-based line and column of text[at] (the end of the text when at is past it).
std::pair<int, int> lineAndColumn(std::string_view text, std::size_t at) {
  const std::string_view before = text.substr(0, std::min(at, text.size()));
  const int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
  const std::size_t lineStart = before.rfind('\n');
  const std::size_t column =
      lineStart == std::string_view::npos ? before.size() : before.size() - lineStart - 1;
  return {line, 1 + static_cast<int>(column)};
}

[[noreturn]] void throwMalformed(std::string_view text) {
  ErrorLocator locator;
  Json::sax_parse(text.begin(), text.end(), &locator);
  // The position counts the characters read; the offending one is the last of them.
  const auto [line, column] = lineAndColumn(text, locator.position > 0 ? locator.position - 1 : 0);
  throw ExperimentError("", line, parseProblem(locator.message), column);
}

double readSpeed(ObjectReader& playback, const char* key, double fallback) {
  const Json* value = playback.find(key);
  if (!value) return fallback;
  if (value->is_string() && value->get<std::string>() == "unlimited")
    return std::numeric_limits<double>::infinity();
  if (!value->is_number() || value->get<double>() < 1.0)
    playback.fail(key, "must be a number >= 1 (steps per second) or \"unlimited\", got " +
                           value->dump(-1, ' ', false, Json::error_handler_t::replace));
  return value->get<double>();
}

void readVersion(ObjectReader& root) {
  const Json& format = root.require("format");
  if (!format.is_string() || format.get<std::string>() != kExperimentFormat)
    root.fail("format", std::string("must be \"") + kExperimentFormat +
                            "\" (this is not an Optiscope experiment file)");
  const Json& version = root.require("version");
  // Non-negative integers parse as unsigned; a newer version is the one problem worth its own
  // message, since the fix is a newer Optiscope rather than an edit.
  if (version.is_number_unsigned() && version.get<std::uint64_t>() > kExperimentVersion)
    root.fail("version", "the file is version " + version.dump() + ", newer than the version " +
                             std::to_string(kExperimentVersion) +
                             " this Optiscope reads; open it with a newer Optiscope");
  integerOf(version, root.pathOf("version"), root.context(), 1, kExperimentVersion);
}

ExperimentPage readPage(ObjectReader& root, const Experiment& experiment) {
  // Without "page", a file about the network only opens on the network page.
  const bool networkOnly = experiment.network && !experiment.landscape;
  const std::string page = root.text("page", networkOnly ? "network" : "landscape");
  if (page == "landscape") return ExperimentPage::Landscape;
  if (page == "network") return ExperimentPage::Network;
  root.fail("page", "unknown page \"" + page + "\"; allowed: landscape, network");
}

}  // namespace

Playback readPlayback(const Json& value, const ReadContext& context) {
  ObjectReader object(value, "playback", context);
  Playback playback;
  constexpr long long kMax = std::numeric_limits<long long>::max();
  playback.landscapeSteps = object.integer("landscape_steps", 0, 0, kMax);
  playback.networkEpochs = object.integer("network_epochs", 0, 0, kMax);
  playback.speed = readSpeed(object, "speed", playback.speed);
  playback.networkSpeed = readSpeed(object, "network_speed", playback.networkSpeed);
  object.finish();
  return playback;
}

Experiment readExperiment(std::string_view text, std::vector<std::string>* warnings) {
  // nlohmann-json ends its input at a NUL byte and ignores what follows; a file with one is
  // damaged, not shorter.
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    const auto [line, column] = lineAndColumn(text, nul);
    throw ExperimentError("", line, "malformed JSON: a NUL byte", column);
  }
  Json root;
  try {
    root = Json::parse(text.begin(), text.end());
  } catch (const Json::exception&) {
    throwMalformed(text);
  }
  const JsonKeyLines lines(text);
  if (const auto& duplicate = lines.duplicateKey())
    throw ExperimentError(duplicate->path, duplicate->line, "key given twice");
  std::vector<std::string> found;
  const ReadContext context(lines, &found);
  ObjectReader object(root, "", context);
  readVersion(object);
  Experiment experiment;
  if (const Json* landscape = object.find("landscape"))
    experiment.landscape = readLandscapeScene(*landscape, context);
  if (const Json* network = object.find("network"))
    experiment.network = readNetworkScene(*network, context);
  if (const Json* playback = object.find("playback"))
    experiment.playback = readPlayback(*playback, context);
  experiment.page = readPage(object, experiment);
  object.finish();
  if (warnings) warnings->insert(warnings->end(), found.begin(), found.end());
  return experiment;
}

Experiment readExperimentFile(const std::string& path, std::vector<std::string>* warnings) {
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored))
    throw ExperimentError("", 0, "is a directory, not an experiment file", 0, path);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ExperimentError("", 0, "cannot open the file for reading", 0, path);
  // Read in pieces up to a cap, so that a device or a huge file is refused, not swallowed.
  std::string text;
  std::vector<char> piece(1 << 16);
  while (in.read(piece.data(), static_cast<std::streamsize>(piece.size())) || in.gcount() > 0) {
    text.append(piece.data(), static_cast<std::size_t>(in.gcount()));
    if (text.size() > kMaxExperimentFileBytes)
      throw ExperimentError("", 0,
                            "larger than " + std::to_string(kMaxExperimentFileBytes >> 20) +
                                " MB, too large for an experiment file",
                            0, path);
  }
  if (in.bad()) throw ExperimentError("", 0, "read error", 0, path);
  std::vector<std::string> found;
  Experiment experiment;
  try {
    experiment = readExperiment(text, &found);
  } catch (const ExperimentError& error) {
    throw error.from(path);
  }
  if (warnings)
    for (const std::string& warning : found) warnings->push_back(path + " " + warning);
  return experiment;
}

}  // namespace optiscope
