// Helpers every command shares: loading with problems printed, JSON output.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/community.hpp"
#include "core/survey.hpp"
#include "io/codec.hpp"

namespace tablemap::app {

// Loads PATH (bundle folder, .json or .tablemap). On bad data prints every
// problem as FILE:LINE: message to stderr, then a one-line summary, and
// returns nullopt (the command then exits with kBadData).
// Warnings are printed too (the community still loads). A PATH that is the
// wrong thing (missing, a single CSV, an export-only format) throws
// UsageError, which main turns into exit code kBadUsage.
std::optional<Community> load_or_report(const std::string& path, int year = 0);
// Two PATHs read side by side (each on its own thread: compare's two years),
// their problems printed in order, the first PATH's first.
std::pair<std::optional<Community>, std::optional<Community>> load_two_or_report(const std::string& first,
                                                                                 const std::string& second);
// The same for a result already loaded (an import): the community, or its problems printed.
std::optional<Community> community_or_report(LoadResult result, const std::string& path);

// Prints problems to stderr as FILE:LINE: message lines (core's problem_lines:
// a group of many is its first few and a count), every byte of each kept.
void print_problems(const Problems& problems);

// Reads the survey SURVEY about `community` (io/survey_read). On bad data
// prints every problem as FILE:LINE: message, then that `consequence`
// follows ("nothing was imported"), and returns nullopt.
std::optional<Survey> survey_or_report(const std::string& path, const Community& community,
                                       const char* consequence);

// Organizations given on the command line, each by its id or its exact name
// (ignoring case). Every unknown one is reported, each with a "did you mean".
struct OrganizationArgs {
  std::vector<uint32_t> rows;          // found, in the order given, without repeats
  std::vector<std::string> problems;   // one line per unknown organization
  bool ok() const { return problems.empty(); }
};
OrganizationArgs find_organizations(const Community& community, const std::vector<std::string>& given);

// Bad usage found after parsing: main prints the message (when not empty) and exits with kBadUsage.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Prints JSON with two-space indentation and a final newline.
void print_json(const nlohmann::json& j);

}  // namespace tablemap::app
