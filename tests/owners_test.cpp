// Owners: path globs, communities, first match wins, the owner's view of a report, and the
// `owners:` section of linkhealth.yaml.
#include <catch2/catch.hpp>

#include "cli/config_error.h"
#include "cli/config_file.h"
#include "reports/owners.h"
#include "reports/report_model.h"

using namespace linkhealth;

namespace {

CitingRef ref_in(const std::string& file, const std::string& community = {}) {
  CitingRef ref;
  ref.slug = file;
  ref.file = file;
  ref.curated.community = community;
  return ref;
}

std::vector<Owner> desk_owners() {
  return {{"Cardiology desk", "cardio@example.org", "", {"cardiology/**"}, {}},
          {"Pharma desk", "", "https://hooks.example/p", {"pharma/*.md"}, {"/communities/pharma/"}},
          {"Everything else in news", "", "", {"news/**", "cardiology/special/*.md"}, {}}};
}

}  // namespace

TEST_CASE("path globs: * and ? stay in a folder, ** crosses folders", "[owners]") {
  CHECK(path_glob_match("cardiology/**", "cardiology/a.md"));
  CHECK(path_glob_match("cardiology/**", "cardiology/x/y/a.md"));
  CHECK_FALSE(path_glob_match("cardiology/**", "cardiology-old/a.md"));
  CHECK(path_glob_match("pharma/*.md", "pharma/a.md"));
  CHECK_FALSE(path_glob_match("pharma/*.md", "pharma/x/a.md"));
  CHECK_FALSE(path_glob_match("pharma/*.md", "pharma/a.txt"));
  CHECK(path_glob_match("a/**/b.md", "a/b.md"));
  CHECK(path_glob_match("a/**/b.md", "a/x/y/b.md"));
  CHECK(path_glob_match("**/*.md", "deep/down/file.md"));
  CHECK(path_glob_match("?.md", "a.md"));
  CHECK_FALSE(path_glob_match("?.md", "ab.md"));
  CHECK(path_glob_match("./news/*", "news/a.md"));
  CHECK(path_glob_match("/news/*", "news/a.md"));
  CHECK_FALSE(path_glob_match("News/*", "news/a.md"));  // case-sensitive, like the files
  CHECK(path_glob_match("*", "a.md"));
  CHECK_FALSE(path_glob_match("*", "x/a.md"));
}

TEST_CASE("the first owner with a matching rule owns a file", "[owners]") {
  const auto owners = desk_owners();
  CHECK(owner_of(owners, "cardiology/a.md", "")->name == "Cardiology desk");
  // Also matched by the third owner's glob: the first one listed wins.
  CHECK(owner_of(owners, "cardiology/special/b.md", "")->name == "Cardiology desk");
  CHECK(owner_of(owners, "elsewhere/c.md", "/communities/pharma/")->name == "Pharma desk");
  CHECK(owner_of(owners, "news/d.md", "")->name == "Everything else in news");
  CHECK(owner_of(owners, "other/e.md", "/communities/other/") == nullptr);
  CHECK(owner_of({}, "cardiology/a.md", "") == nullptr);
}

TEST_CASE("an owner's view keeps only their rows; unowned ones are a view too", "[owners]") {
  ReportModel model;
  model.owners = desk_owners();
  TargetRecord shared;  // cited by a cardiology file and an unowned one
  shared.request_url = "https://a.example/1";
  shared.refs = {ref_in("cardiology/a.md"), ref_in("misc/b.md")};
  TargetRecord pharma;
  pharma.request_url = "https://a.example/2";
  pharma.refs = {ref_in("pharma/c.md")};
  TargetRecord orphan;  // no content file cites it any more
  orphan.request_url = "https://a.example/3";
  model.targets = {shared, pharma, orphan};

  ReportModel all = model;
  apply_owners(all, "");
  REQUIRE(all.targets.size() == 3);
  CHECK(all.targets[0].refs[0].owner == "Cardiology desk");
  CHECK(all.targets[0].refs[1].owner.empty());
  CHECK(all.targets[1].refs[0].owner == "Pharma desk");
  CHECK(all.owner_filter.empty());

  ReportModel cardio = model;
  apply_owners(cardio, "Cardiology desk");
  REQUIRE(cardio.targets.size() == 1);
  CHECK(cardio.targets[0].request_url == "https://a.example/1");
  REQUIRE(cardio.targets[0].refs.size() == 1);
  CHECK(cardio.targets[0].refs[0].file == "cardiology/a.md");
  CHECK(cardio.owner_filter == "Cardiology desk");

  ReportModel unowned = model;
  apply_owners(unowned, kUnownedName);
  REQUIRE(unowned.targets.size() == 2);
  CHECK(unowned.targets[0].refs.size() == 1);
  CHECK(unowned.targets[0].refs[0].file == "misc/b.md");
  CHECK(unowned.targets[1].request_url == "https://a.example/3");
}

TEST_CASE("owners are read from linkhealth.yaml in order", "[owners][cli][config]") {
  const RunSettings s = parse_config(R"(owners:
  - name: Cardiology desk
    email: cardio@example.org
    webhook: https://hooks.example/services/T/B/X
    paths: ["cardiology/**", "heart/*.md"]
  - name: Pharma desk
    communities: /communities/pharma/
)",
                                     "linkhealth.yaml");
  REQUIRE(s.owners.size() == 2);
  CHECK(s.owners[0] == Owner{"Cardiology desk",
                             "cardio@example.org",
                             "https://hooks.example/services/T/B/X",
                             {"cardiology/**", "heart/*.md"},
                             {}});
  CHECK(s.owners[1] == Owner{"Pharma desk", "", "", {}, {"/communities/pharma/"}});
}

TEST_CASE("a bad owner is a config error naming file, line and key", "[owners][cli][config]") {
  auto error_of = [](const std::string& text) {
    try {
      parse_config(text, "linkhealth.yaml");
    } catch (const ConfigError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(error_of("owners:\n  - name: A\n    paths: [x]\n    emial: a@b.org\n") ==
        "linkhealth.yaml:4: unknown key 'owners[0].emial'");
  CHECK(error_of("owners:\n  - name: A\n") ==
        "linkhealth.yaml:2: 'owners[0]' (A) needs paths or communities");
  CHECK(error_of("owners:\n  - paths: [x]\n") == "linkhealth.yaml:2: 'owners[0]' needs a name");
  CHECK(error_of("owners:\n  - name: A\n    paths: [x]\n    email: not an address\n") ==
        "linkhealth.yaml:4: 'owners[0].email' is not a mail address (user@example.org)");
  CHECK(error_of("owners:\n  - name: A\n    paths: [x]\n    webhook: ftp://x\n") ==
        "linkhealth.yaml:4: 'owners[0].webhook' must be an http(s) URL");
  CHECK(error_of("owners:\n  - name: A\n    paths: [x]\n  - name: A\n    paths: [y]\n") ==
        "linkhealth.yaml:4: owner 'A' is named twice");
  CHECK(error_of("owners:\n  - name: unowned\n    paths: [x]\n") ==
        "linkhealth.yaml:2: 'owners[0]': the name 'unowned' is reserved for content without an "
        "owner");
  CHECK(error_of("owners: {name: A}\n") == "linkhealth.yaml:1: 'owners' must be a list of owners");
}
