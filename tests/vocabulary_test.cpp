// The vocabulary's name tables: every value has one name, every name parses back to it, and
// no two values share a name (the DB, JSON and flags depend on all three).
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "types/drift_kind.h"
#include "types/fail_on.h"
#include "types/finding_kind.h"
#include "types/fix_kind.h"
#include "types/run_kind.h"
#include "types/verdict.h"

using namespace linkhealth;

TEST_CASE("every verdict name round-trips and is unique", "[types]") {
  std::set<std::string> names;
  for (Verdict v : all_verdicts()) {
    const std::string_view name = to_string(v);
    INFO(name);
    CHECK(verdict_from_string(name) == v);
    CHECK(names.insert(std::string(name)).second);
  }
  CHECK(names.size() == kVerdictCount);
  CHECK_FALSE(verdict_from_string("Broken").has_value());  // names are exact
  CHECK_FALSE(verdict_from_string("").has_value());
}

TEST_CASE("every drift kind name round-trips and is unique", "[types]") {
  std::set<std::string> names;
  for (DriftKind k : all_drift_kinds()) {
    const std::string_view name = to_string(k);
    INFO(name);
    CHECK(drift_kind_from_string(name) == k);
    CHECK(names.insert(std::string(name)).second);
  }
  CHECK(names.size() == kDriftKindCount);
  CHECK_FALSE(drift_kind_from_string("title mismatch").has_value());
}

TEST_CASE("drift kind classes", "[types]") {
  CHECK(has_similarity(DriftKind::TitleMismatch));
  CHECK(has_similarity(DriftKind::DescriptionChanged));
  CHECK_FALSE(has_similarity(DriftKind::CanonicalMismatch));
  CHECK_FALSE(has_similarity(DriftKind::VerdictChanged));
  CHECK(is_content_drift(DriftKind::CanonicalMismatch));
  CHECK_FALSE(is_content_drift(DriftKind::FinalUrlChanged));
  CHECK(is_title_drift(DriftKind::TitleChanged));
  CHECK_FALSE(is_title_drift(DriftKind::DescriptionMismatch));
}

TEST_CASE("run kinds, statuses and fail-on policies round-trip", "[types]") {
  for (RunKind k : {RunKind::Crawl, RunKind::Check}) CHECK(run_kind_from_string(to_string(k)) == k);
  for (RunStatus s : {RunStatus::Running, RunStatus::Done, RunStatus::Interrupted}) {
    CHECK(run_status_from_string(to_string(s)) == s);
  }
  for (FailOn f : {FailOn::New, FailOn::Any, FailOn::Never}) {
    CHECK(fail_on_from_string(to_string(f)) == f);
  }
  CHECK(to_string(FailOn::Never) == "never");
  CHECK_FALSE(fail_on_from_string("sometimes").has_value());
}

TEST_CASE("blocked and skipped are not counted as problems", "[types]") {
  CHECK(is_problem(Verdict::Broken));
  CHECK(is_problem(Verdict::Soft404));
  CHECK_FALSE(is_problem(Verdict::Blocked));
  CHECK_FALSE(is_problem(Verdict::Skipped));
  CHECK_FALSE(is_problem(Verdict::Ok));
}

TEST_CASE("every finding kind name round-trips and is unique", "[types]") {
  std::set<std::string> names;
  for (FindingKind k : all_finding_kinds()) {
    const std::string_view name = to_string(k);
    INFO(name);
    CHECK(finding_kind_from_string(name) == k);
    CHECK(names.insert(std::string(name)).second);
  }
  CHECK(names.size() == kFindingKindCount);
  CHECK_FALSE(finding_kind_from_string("parse error").has_value());
}

TEST_CASE("every fix kind name round-trips, and --kinds lists parse", "[types]") {
  std::set<std::string> names;
  for (FixKind k : all_values<FixKind>()) {
    const std::string_view name = to_string(k);
    INFO(name);
    CHECK(from_name<FixKind>(name) == k);
    CHECK(names.insert(std::string(name)).second);
  }
  CHECK(names.size() == 3);
  CHECK(fix_kinds_from_list("redirect,tracking") ==
        std::vector<FixKind>{FixKind::Redirect, FixKind::Tracking});
  CHECK(fix_kinds_from_list("relocation,relocation") == std::vector<FixKind>{FixKind::Relocation});
  std::string unknown;
  CHECK_FALSE(fix_kinds_from_list("redirect,archive", &unknown));
  CHECK(unknown == "archive");
  CHECK_FALSE(fix_kinds_from_list(""));
  CHECK_FALSE(fix_kinds_from_list("redirect,"));
}
