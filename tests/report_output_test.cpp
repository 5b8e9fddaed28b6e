// The report files written from a stream of targets read once: the same HTML and JSON as from
// the whole model, with plain ok targets counted instead of kept.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "cli/report_output.h"
#include "reports/owners.h"
#include "temp_tree.h"
#include "tests/sample_report.h"

using namespace linkhealth;

namespace {

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The CSP nonce is fresh on every page.
std::string without_nonce(const std::string& html) {
  return std::regex_replace(html, std::regex("nonce(-|=\")[0-9a-f]{32}"), "nonce$1X");
}

}  // namespace

TEST_CASE("report files from streamed targets equal the whole model's", "[report][output]") {
  ReportModel whole = sample_report_model();
  whole.owners = {{"Desk", "", "", {"**"}, {}}};
  TargetRecord plain;  // ok, no drift, neither new nor fixed: counted, never listed
  plain.request_url = "https://plain.example/a";
  plain.host = "plain.example";
  plain.verdict = Verdict::Ok;
  plain.http_status = 200;
  whole.targets.insert(whole.targets.begin() + 1, plain);
  REQUIRE(is_plain_ok(whole.targets[1]));
  const std::size_t listed = whole.targets.size() - 1;

  testing::TempTree tree;
  const ReportFiles from_model{(tree.root() / "model.html").string(),
                               (tree.root() / "model.json").string()};
  apply_owners(whole, {});
  write_report_files(whole, from_model, nullptr);

  ReportModel header = sample_report_model();
  header.targets.clear();
  header.owners = whole.owners;
  ReportModel source = whole;
  for (auto& target : source.targets) {
    for (auto& ref : target.refs) ref.owner.clear();  // the stream assigns them again
  }
  const ReportFiles streamed{(tree.root() / "streamed.html").string(),
                             (tree.root() / "streamed.json").string()};
  write_report_files(
      header,
      [&](const std::function<void(TargetRecord &&)>& each) {
        for (TargetRecord target : source.targets) each(std::move(target));
      },
      streamed, nullptr);

  CHECK(header.targets.size() == listed);
  CHECK(header.unlisted_ok == 1);
  CHECK(slurp(streamed.json) == slurp(from_model.json));
  CHECK(without_nonce(slurp(streamed.html)) == without_nonce(slurp(from_model.html)));
}
