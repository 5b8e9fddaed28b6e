#include "cli/command_line.h"

#include <cstdio>
#include <filesystem>

#include "cli/command.h"

namespace linkhealth {

int usage_error(std::string_view command, const std::string& message) {
  std::fprintf(stderr, "%.*s: %s\n", static_cast<int>(command.size()), command.data(),
               message.c_str());
  return static_cast<int>(ExitCode::Usage);
}

std::optional<int> parse_command_line(CLI::App& app, int argc, char** argv,
                                      const std::function<void()>& check) {
  try {
    app.parse(argc, argv);
    if (check) check();
  } catch (const CLI::ParseError& e) {
    // --help and --version arrive here too, as "errors" whose exit code is 0.
    const int rc = app.exit(e);
    return rc == 0 ? 0 : static_cast<int>(ExitCode::Usage);
  } catch (const ConfigError& e) {
    return usage_error(app.get_name(), e.what());
  }
  return std::nullopt;
}

std::optional<int> check_content_dir(std::string_view command, const std::string& content) {
  if (content.empty()) {
    return usage_error(command, "--content is required (or content: in the config)");
  }
  std::error_code ec;
  if (!std::filesystem::is_directory(content, ec)) {
    return usage_error(command, "--content " + content + " is not a directory");
  }
  return std::nullopt;
}

std::optional<int> load_settings(std::string_view command, int argc, char** argv,
                                 RunSettings& settings) {
  try {
    settings = load_run_settings(argc, argv);
  } catch (const ConfigError& e) {
    return usage_error(command, e.what());
  }
  return std::nullopt;
}

}  // namespace linkhealth
