// The Kubernetes manifests and systemd units in deploy/: the fields the batch/v1 API requires
// for an Indexed Job inside a CronJob, one shard count everywhere, mounts that name volumes,
// and shell scripts that parse. (No kubeconform in Debian: this is the structure check.)
#include <catch2/catch.hpp>

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <regex>
#include <set>

#include "tests/cli_process.h"
#include "tests/temp_tree.h"

using namespace linkhealth::testing;

namespace {

const std::filesystem::path kDeploy = std::filesystem::path(LINKHEALTH_SOURCE_DIR) / "deploy";

YAML::Node manifest(const std::string& name) {
  return YAML::LoadFile((kDeploy / "kubernetes" / name).string());
}

// The Pod spec of a CronJob, after checking the levels above it.
YAML::Node cron_pod_spec(const YAML::Node& cron) {
  REQUIRE(cron["apiVersion"].as<std::string>() == "batch/v1");
  REQUIRE(cron["kind"].as<std::string>() == "CronJob");
  REQUIRE(cron["metadata"]["name"].IsScalar());
  const std::string schedule = cron["spec"]["schedule"].as<std::string>();
  CHECK(std::regex_match(schedule, std::regex(R"(\S+( \S+){4})")));
  const YAML::Node pod = cron["spec"]["jobTemplate"]["spec"]["template"]["spec"];
  REQUIRE(pod.IsMap());
  CHECK(pod["restartPolicy"].as<std::string>() == "Never");
  std::set<std::string> volumes;
  for (const auto& v : pod["volumes"]) volumes.insert(v["name"].as<std::string>());
  REQUIRE(pod["containers"].size() == 1);
  for (const auto& mount : pod["containers"][0]["volumeMounts"]) {
    INFO(mount["name"].as<std::string>());
    CHECK(volumes.count(mount["name"].as<std::string>()) == 1);
    CHECK(mount["mountPath"].as<std::string>().front() == '/');
  }
  return pod;
}

std::string script_of(const YAML::Node& pod) {
  const YAML::Node container = pod["containers"][0];
  REQUIRE(container["image"].IsScalar());
  REQUIRE(container["command"][0].as<std::string>() == "/bin/sh");
  return container["args"][0].as<std::string>();
}

void check_shell_parses(const std::string& script) {
  TempTree tree;
  tree.write("script.sh", script);
  const auto parsed = run_shell("sh -n " + shell_quote((tree.root() / "script.sh").string()));
  INFO(parsed.out);
  CHECK(parsed.status == 0);
}

}  // namespace

TEST_CASE("the crawl CronJob runs an Indexed Job, one pod per shard", "[deploy]") {
  const YAML::Node cron = manifest("crawl-cronjob.yaml");
  const YAML::Node pod = cron_pod_spec(cron);
  const YAML::Node job = cron["spec"]["jobTemplate"]["spec"];
  CHECK(job["completionMode"].as<std::string>() == "Indexed");
  const int shards = job["completions"].as<int>();
  CHECK(shards > 1);
  CHECK(job["parallelism"].as<int>() == shards);
  const std::string script = script_of(pod);
  CHECK_THAT(script,
             Catch::Contains("shard=\"${JOB_COMPLETION_INDEX}/" + std::to_string(shards) + "\""));
  CHECK_THAT(script, Catch::Contains("linkhealth crawl"));
  CHECK_THAT(script, Catch::Contains("--shard \"$shard\""));
  check_shell_parses(script);

  // The merge waits for exactly these shards' databases.
  const YAML::Node merge_pod = cron_pod_spec(manifest("merge-cronjob.yaml"));
  const std::string merge = script_of(merge_pod);
  for (int k = 0; k < shards; ++k) {
    CHECK_THAT(merge, Catch::Contains("/stores/shard-" + std::to_string(k) + ".db"));
  }
  CHECK_THAT(merge, !Catch::Contains("/stores/shard-" + std::to_string(shards) + ".db"));
  CHECK_THAT(merge, Catch::Contains("linkhealth merge --db"));
  check_shell_parses(merge);

  // The ConfigMap's file is one the crawl accepts.
  const YAML::Node kustomization = manifest("kustomization.yaml");
  CHECK(kustomization["configMapGenerator"][0]["name"].as<std::string>() == "linkhealth-config");
  for (const auto& file : kustomization["resources"]) {
    CHECK(std::filesystem::exists(kDeploy / "kubernetes" / file.as<std::string>()));
  }
}

TEST_CASE("the systemd template unit runs shard %i of one count", "[deploy]") {
  const std::string unit = read_file(kDeploy / "systemd" / "linkhealth@.service");
  CHECK_THAT(unit, Catch::Contains("--shard %i/${LINKHEALTH_SHARDS}"));
  CHECK_THAT(unit, Catch::Contains("--db /var/lib/linkhealth/shard-%i.db"));
  const std::string merge = read_file(kDeploy / "systemd" / "linkhealth-merge.service");
  CHECK_THAT(merge, Catch::Contains("linkhealth merge --db /var/lib/linkhealth/links.db "
                                    "/var/lib/linkhealth/shard-*.db"));
  // systemd's own parser, with the binary where the package puts it swapped for the one built
  // here; it warns (on any output) about unknown keys, bad values and missing executables.
  TempTree tree;
  std::string files;
  for (const char* name : {"linkhealth.service", "linkhealth@.service", "linkhealth-merge.service",
                           "linkhealth.timer", "linkhealth@.timer", "linkhealth-merge.timer"}) {
    INFO(name);
    std::string text = read_file(kDeploy / "systemd" / name);
    CHECK_THAT(text, Catch::Contains("[Unit]"));
    CHECK_THAT(text, Catch::Contains("[Install]"));
    text = std::regex_replace(text, std::regex("/usr/bin/linkhealth"), LINKHEALTH_BINARY);
    // A template is verified as one of its instances.
    std::string file = std::regex_replace(std::string(name), std::regex("@\\."), "@0.");
    tree.write(file, text);
    files += " " + shell_quote((tree.root() / file).string());
  }
  const auto verify = run_shell("systemd-analyze verify --man=no" + files);
  INFO(verify.out);
  CHECK(verify.status == 0);
  CHECK(verify.out.empty());
}
