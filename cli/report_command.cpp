// `linkhealth report`: the HTML report (and/or the JSON document) of a run already in the
// store. Read-only, so it can run while a crawl writes the same file (WAL).
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/command_line.h"
#include "cli/config_file.h"
#include "cli/fix_settings.h"
#include "cli/report_output.h"
#include "reports/owners.h"
#include "reports/report_fix_plan.h"
#include "reports/report_loader.h"
#include "store/store.h"

namespace linkhealth {

int run_report(int argc, char** argv) {
  CLI::App app{"Write the HTML report and/or the JSON document of a recorded run",
               "linkhealth report"};
  std::string db_path;
  ReportFiles files;
  std::optional<std::int64_t> run_id;
  ReportOptions options;
  std::optional<std::filesystem::path> config_path;
  std::string owner;
  app.add_option("--db", db_path, "the database a crawl wrote")->required();
  app.add_option("--out", files.html, "write the self-contained HTML report here");
  app.add_option("--json", files.json, "write the JSON document here ('-' for stdout)");
  app.add_option("--run", run_id, "run id to report (default: the latest crawl)");
  app.add_option("--wayback-base", options.wayback_base, "Wayback Machine base URL for dead links")
      ->capture_default_str();
  app.add_option(
      "--config", config_path,
      "config file with the owners, fix_kinds and tracking rules (default: ./linkhealth.yaml "
      "when present)");
  app.add_option("--owner", owner,
                 "only the links in this owner's content ('unowned': content without one)");
  std::vector<Owner> owners;
  std::optional<TrackingRules> rules;
  FixOptions fix;
  const auto stop = parse_command_line(app, argc, argv, [&] {
    if (files.html.empty() && files.json.empty()) {
      throw CLI::ValidationError("--out", "give --out FILE.html and/or --json FILE");
    }
    const RunSettings config = load_config(config_path);
    owners = config.owners;
    fix = fix_options_for(config, rules);
    const bool known =
        owner.empty() || owner == kUnownedName ||
        std::any_of(owners.begin(), owners.end(), [&](const Owner& o) { return o.name == owner; });
    if (!known) {
      std::string names;
      for (const Owner& o : owners) names += (names.empty() ? "" : ", ") + o.name;
      throw ConfigError("no owner '" + owner + "' in the config (owners: " +
                        (names.empty() ? std::string("none") : names) + ")");
    }
  });
  if (stop) return *stop;

  std::optional<Store> store;
  try {
    store.emplace(Store::open_existing(db_path));
  } catch (const std::exception& e) {
    return usage_error(app.get_name(), e.what());
  }
  if (!run_id) {
    auto latest = store->latest_run(RunKind::Crawl);
    if (!latest) {
      return usage_error(app.get_name(), db_path + " has no crawl yet");
    }
    run_id = latest->id;
  } else if (!store->run(*run_id)) {
    return usage_error(app.get_name(), db_path + " has no run " + std::to_string(*run_id));
  }

  // "Ready to fix" needs the content tree: the one the crawl read, when it is still there.
  const auto run_options = nlohmann::json::parse(store->run(*run_id)->options, nullptr, false);
  const auto plan = [&](ReportModel& model) {
    if (!run_options.is_object()) return;
    attach_fix_plan(model, *store, run_options.value("content", std::string()),
                    run_options.value("confirm_runs", 2), fix);
  };
  // With the JSON on stdout, the "wrote" lines go to stderr so stdout stays one document.
  std::FILE* log = files.json == "-" ? stderr : stdout;
  if (owner.empty()) {
    // The targets stream from one read snapshot: into the JSON, and into the HTML report's
    // model only when it lists them (the whole model of a 100,000-target run took 765 MB).
    // An owner's view plans only the edits in the files its targets keep, so it reads the whole
    // model first.
    ReportModel planned;
    plan(planned);
    write_run_report_files(*store, *run_id, options, owners, std::move(planned.ready_to_fix), files,
                           log);
    return static_cast<int>(ExitCode::Ok);
  }
  ReportModel model = load_report_model(*store, *run_id, options);
  model.owners = std::move(owners);
  apply_owners(model, owner);
  plan(model);
  write_report_files(model, files, log);
  return static_cast<int>(ExitCode::Ok);
}

}  // namespace linkhealth
