// Each CLI command lives in its own app/cmd_*.cpp and registers itself here,
// so that adding a command touches no other file.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace tablemap::app {

// Exit statuses of every command.
inline constexpr int kOk = 0;
inline constexpr int kBadData = 1;
inline constexpr int kBadUsage = 2;

// Adds a subcommand to `cli`; the returned function runs it after parsing.
using CommandSetup = std::function<std::function<int()>(CLI::App& cli)>;

struct CommandRegistration {
  CommandRegistration(int order, CommandSetup setup);
};

struct RegisteredCommand {
  int order;
  CommandSetup setup;
};
std::vector<RegisteredCommand>& registered_commands();

}  // namespace tablemap::app
