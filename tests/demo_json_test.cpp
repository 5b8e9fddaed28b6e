// The demo's JSON, pinned: `scripts/demo` crawls examples/content against examples/web.json,
// and every verdict, reason, page field, drift row and reference it reports must stay as in
// tests/fixtures/demo.json (times and ids aside). A change that means to alter it regenerates
// the file with LINKHEALTH_UPDATE_GOLDEN=1 and shows the difference in review.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

#include "tests/crawl_support.h"

using namespace linkhealth;
using namespace linkhealth::testing;

namespace {

const std::string kSource = LINKHEALTH_SOURCE_DIR;

// Times and ids differ on every run; everything else is the product.
nlohmann::json stable(nlohmann::json doc) {
  doc["run"].erase("id");
  doc["run"].erase("started_at");
  doc["run"].erase("finished_at");
  for (auto& run : doc["trends"]["runs"]) {
    run.erase("run");
    run.erase("started_at");
  }
  return doc;
}

}  // namespace

TEST_CASE("the demo's JSON is pinned", "[cli][crawl][web][demo]") {
  std::ifstream scenario_file(kSource + "/examples/web.json");
  testweb::FixtureWeb web(testweb::scenario_from_json(nlohmann::json::parse(scenario_file)),
                          /*tls=*/true, 0, kSource + "/examples/certs");
  TempTree tree;
  const auto json = tree.root() / "links.json";
  const int status = run_crawl_args(
      {"--content", kSource + "/examples/content", "--db", (tree.root() / "links.db").string(),
       "--json", json.string(), "--connect-to", "::127.0.0.1:" + std::to_string(web.port()),
       "--allow-private", "--cacert", kSource + "/examples/certs/ca.pem", "--interval-ms", "0",
       "--retries", "0", "--no-progress"});
  CHECK(status == 0);  // a first crawl has problems but none is new yet
  std::ifstream produced_file(json);
  const nlohmann::json produced = stable(nlohmann::json::parse(produced_file));

  const std::string golden_path = std::string(LINKHEALTH_FIXTURES_DIR) + "/demo.json";
  if (std::getenv("LINKHEALTH_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(golden_path) << produced.dump(1) << '\n';
    WARN("regenerated " << golden_path << "; nothing was compared");
    return;
  }
  std::ifstream golden_file(golden_path);
  REQUIRE(golden_file.good());
  const nlohmann::json golden = nlohmann::json::parse(golden_file);
  // Target by target, so a failure names the URL that changed.
  REQUIRE(produced["targets"].size() == golden["targets"].size());
  for (std::size_t i = 0; i < golden["targets"].size(); ++i) {
    INFO(golden["targets"][i]["request_url"]);
    CHECK(produced["targets"][i].dump(1) == golden["targets"][i].dump(1));
  }
  CHECK(produced["findings"] == golden["findings"]);
  CHECK(produced["run"] == golden["run"]);
  CHECK(produced["trends"] == golden["trends"]);
  // What `fix` would do to the example after one crawl: tracking leftovers only (a redirect
  // needs two crawls to agree).
  CHECK(produced["fix_plan"] == golden["fix_plan"]);
}
