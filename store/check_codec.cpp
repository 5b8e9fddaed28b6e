#include "store/check_codec.h"

#include <SQLiteCpp/Column.h>
#include <nlohmann/json.hpp>

#include "extract/page_meta_json.h"

namespace linkhealth {
namespace {

// Page columns that are also kept outside the JSON, in column order.
constexpr std::string PageMeta::*kPageColumns[] = {
    &PageMeta::title,          &PageMeta::title_rule,
    &PageMeta::description,    &PageMeta::description_rule,
    &PageMeta::canonical,      &PageMeta::og_title,
    &PageMeta::og_description, &PageMeta::og_url,
    &PageMeta::og_site_name,   &PageMeta::og_image,
};
constexpr int kPageColumnCount = static_cast<int>(std::size(kPageColumns));
constexpr int kPlainColumnCount = 13;  // checked_at .. content_type
constexpr int kRepairColumnCount = 6;  // replacement_url .. archive_curated_at, NULL when none

}  // namespace

const char* const kCheckColumns =
    "checked_at, verdict, http_status, final_url, redirects, error, elapsed_ms, bytes, "
    "attempts, not_modified, etag, last_modified, content_type, "
    "title, title_rule, description, description_rule, canonical, og_title, og_description, "
    "og_url, og_site_name, og_image, page, "
    "replacement_url, replacement_title, replacement_similarity, archive_url, archive_timestamp, "
    "archive_curated_at";

int check_column_count() {
  return kPlainColumnCount + kPageColumnCount + 1 + kRepairColumnCount;
}

int bind_check(SQLite::Statement& stmt, int first, const CheckResult& check,
               const std::string& checked_at, const std::string& redirects_json,
               const std::string& page_json) {
  // bindNoCopy: every string outlives the statement's execution (see the header).
  int i = first;
  stmt.bindNoCopy(i++, checked_at);
  stmt.bind(i++, std::string(to_string(check.verdict)));
  stmt.bind(i++, check.http_status);
  stmt.bindNoCopy(i++, check.final_url);
  stmt.bindNoCopy(i++, redirects_json);
  stmt.bindNoCopy(i++, check.error);
  stmt.bind(i++, check.elapsed_ms);
  stmt.bind(i++, static_cast<std::int64_t>(check.bytes));
  stmt.bind(i++, check.attempts);
  stmt.bind(i++, check.not_modified ? 1 : 0);
  stmt.bindNoCopy(i++, check.etag);
  stmt.bindNoCopy(i++, check.last_modified);
  stmt.bindNoCopy(i++, check.content_type);
  for (auto member : kPageColumns) {
    if (check.page) {
      stmt.bindNoCopy(i++, (*check.page).*member);
    } else {
      stmt.bind(i++);
    }
  }
  if (check.page) {
    stmt.bindNoCopy(i++, page_json);
  } else {
    stmt.bind(i++);
  }
  return bind_repair(stmt, i, check.repair);
}

int bind_repair(SQLite::Statement& stmt, int first, const RepairSuggestion& repair) {
  // NULL for the suggestion that is absent: all six NULL first, then the ones there are.
  for (int k = 0; k < kRepairColumnCount; ++k) stmt.bind(first + k);
  if (const auto& r = repair.replacement) {
    stmt.bindNoCopy(first, r->url);
    stmt.bindNoCopy(first + 1, r->title);
    stmt.bind(first + 2, r->similarity);
  }
  if (const auto& a = repair.archive) {
    stmt.bindNoCopy(first + 3, a->url);
    stmt.bindNoCopy(first + 4, a->timestamp);
    stmt.bindNoCopy(first + 5, a->curated_at);
  }
  return first + kRepairColumnCount;
}

void read_check(SQLite::Statement& stmt, int first, CheckResult& check) {
  int i = first;
  auto text = [&] { return stmt.getColumn(i++).getString(); };
  check.checked_at = text();
  check.verdict = verdict_from_string(text()).value_or(Verdict::Invalid);
  check.http_status = stmt.getColumn(i++).getInt();
  check.final_url = text();
  check.redirects = redirects_from_json(text());
  check.error = text();
  check.elapsed_ms = stmt.getColumn(i++).getDouble();
  check.bytes = stmt.getColumn(i++).getInt64();
  check.attempts = stmt.getColumn(i++).getInt();
  check.not_modified = stmt.getColumn(i++).getInt() != 0;
  check.etag = text();
  check.last_modified = text();
  check.content_type = text();
  check.repair = read_repair(stmt, i + kPageColumnCount + 1);
  auto page = stmt.getColumn(i + kPageColumnCount);
  if (page.isNull()) {
    check.page.reset();
    return;
  }
  check.page = page_from_json(page.getString());
  for (auto member : kPageColumns) {
    auto column = stmt.getColumn(i++);
    if (!column.isNull()) (*check.page).*member = column.getString();
  }
}

RepairSuggestion read_repair(SQLite::Statement& stmt, int first) {
  RepairSuggestion repair;
  if (auto url = stmt.getColumn(first); !url.isNull()) {
    repair.replacement = Replacement{url.getString(), stmt.getColumn(first + 1).getString(),
                                     stmt.getColumn(first + 2).getDouble()};
  }
  if (auto url = stmt.getColumn(first + 3); !url.isNull()) {
    repair.archive = ArchiveCapture{url.getString(), stmt.getColumn(first + 4).getString(),
                                    stmt.getColumn(first + 5).getString()};
  }
  return repair;
}

std::string record_columns(PageRead page) {
  std::string columns =
      std::string(
          "checks.id, checks.run_id, runs.kind, targets.url, targets.host, checks.failures, "
          "coalesce(checks.broken_since, ''), checks.confirmed, ") +
      kCheckColumns;
  if (page == PageRead::Columns) {
    const std::string whole = ", page, ";
    columns.replace(columns.find(whole), whole.size(),
                    ", CASE WHEN checks.page IS NULL THEN NULL ELSE '{}' END, ");
  }
  return columns;
}

CheckRecord read_record(SQLite::Statement& row, int first) {
  CheckRecord r;
  int i = first;
  r.id = row.getColumn(i++).getInt64();
  r.run_id = row.getColumn(i++).getInt64();
  r.run_kind = run_kind_from_string(row.getColumn(i++).getString()).value_or(RunKind::Crawl);
  r.request_url = row.getColumn(i++).getString();
  r.host = row.getColumn(i++).getString();
  r.history.failures = row.getColumn(i++).getInt();
  r.history.broken_since = row.getColumn(i++).getString();
  r.history.confirmed = row.getColumn(i++).getInt() != 0;
  read_check(row, i, r);
  return r;
}

std::string verdict_list(bool (*keep)(Verdict)) {
  std::string list;
  for (Verdict verdict : all_verdicts()) {
    if (!keep(verdict)) continue;
    if (!list.empty()) list += ",";
    list += "'" + std::string(to_string(verdict)) + "'";
  }
  return list;
}

std::string redirects_to_json(const std::vector<Hop>& hops) {
  auto array = nlohmann::json::array();
  for (const Hop& hop : hops) array.push_back({{"url", hop.url}, {"status", hop.status}});
  return array.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<Hop> redirects_from_json(const std::string& json) {
  std::vector<Hop> hops;
  auto array = nlohmann::json::parse(json, nullptr, false);
  if (!array.is_array()) return hops;
  for (const auto& hop : array) {
    hops.push_back({hop.value("url", std::string{}), hop.value("status", 0)});
  }
  return hops;
}

std::string page_to_json(const PageMeta& page) {
  return page_meta_to_json(page, PageMetaShape::Stored, kPageColumns)
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

PageMeta page_from_json(const std::string& json) {
  if (json == "{}") return {};  // every page a PageRead::Columns read carries: nothing to parse
  return page_meta_from_json(nlohmann::json::parse(json, nullptr, false));
}

}  // namespace linkhealth
