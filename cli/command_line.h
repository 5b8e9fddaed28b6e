#pragma once
// What every subcommand does with its command line before its own work: parse it with CLI11,
// run the command's own checks, and turn help, version and usage errors into an exit code,
// with one message format ("linkhealth check: ...") on stderr.

#include <CLI/CLI.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "cli/run_settings.h"

namespace linkhealth {

/// Prints "<command>: <message>" on stderr; returns ExitCode::Usage.
int usage_error(std::string_view command, const std::string& message);

/// Parses argv into `app`, then runs `check` (when given), which may throw
/// CLI::ValidationError or ConfigError. nullopt: the command goes on. Otherwise the command
/// stops with the exit code returned: 0 after --help or --version, ExitCode::Usage after
/// CLI11's message for a bad command line or "<app name>: <message>" for a ConfigError.
std::optional<int> parse_command_line(CLI::App& app, int argc, char** argv,
                                      const std::function<void()>& check = nullptr);

/// nullopt when `content` names a directory; otherwise ExitCode::Usage after "<command>:
/// --content is required ..." or "<command>: --content X is not a directory".
std::optional<int> check_content_dir(std::string_view command, const std::string& content);

/// Loads the settings of a network command (load_run_settings) into `settings`. nullopt: the
/// command goes on; ExitCode::Usage after "<command>: <message>" for a bad config file.
std::optional<int> load_settings(std::string_view command, int argc, char** argv,
                                 RunSettings& settings);

}  // namespace linkhealth
