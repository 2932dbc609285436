// --pseudonymize [people|all], shared by the commands whose output may leave
// the coalition (report, convert): core/pseudonymize.hpp does the work.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "core/community.hpp"

namespace tablemap::app {

struct PseudonymizeOption {
  std::string value;
  bool given = false;
};

// Adds the option to `cmd`; the returned state is filled when parsing.
std::shared_ptr<PseudonymizeOption> add_pseudonymize_option(CLI::App* cmd);

// The community with pseudonyms when the option was given; prints a one-line
// note to stdout (what was replaced). nullopt for a bad level (message printed).
std::optional<Community> apply_pseudonymize(const PseudonymizeOption& option, Community community);

}  // namespace tablemap::app
