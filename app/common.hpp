// Helpers every command shares: loading with problems printed, JSON output.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "core/community.hpp"

namespace tablemap::app {

// Loads PATH (bundle folder, .json or .tablemap). On bad data prints every
// problem as FILE:LINE: message to stderr, then a one-line summary, and
// returns nullopt (the command then exits with kBadData).
// Warnings are printed too (the community still loads). A PATH that is the
// wrong thing (missing, a single CSV, an export-only format) throws
// UsageError, which main turns into exit code kBadUsage.
std::optional<Community> load_or_report(const std::string& path, int year = 0);

// Bad usage found after parsing: main prints the message (when not empty) and exits with kBadUsage.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Prints JSON with two-space indentation and a final newline.
void print_json(const nlohmann::json& j);

}  // namespace tablemap::app
