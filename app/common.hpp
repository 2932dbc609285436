// Helpers every command shares: loading with problems printed, JSON output.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/community.hpp"
#include "io/codec.hpp"

namespace tablemap::app {

// Loads PATH (bundle folder, .json or .tablemap). On bad data prints every
// problem as FILE:LINE: message to stderr, then a one-line summary, and
// returns nullopt (the command then exits with kBadData).
std::optional<Community> load_or_report(const std::string& path, int year = 0);
// The same for a result already loaded (an import): the community, or its problems printed.
std::optional<Community> community_or_report(LoadResult result, const std::string& path);

// Prints JSON with two-space indentation and a final newline.
void print_json(const nlohmann::json& j);

}  // namespace tablemap::app
