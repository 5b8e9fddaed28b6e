#include "store/content_index.h"

#include <SQLiteCpp/Column.h>
#include <nlohmann/json.hpp>

#include "store/check_codec.h"
#include "store/drift.h"
#include "store/prior_state.h"
#include "store/statement_rows.h"

namespace linkhealth {

const char* const kRefColumns =
    "refs.slug, sources.file, refs.field, refs.raw, refs.clean, refs.removed, refs.line, "
    "sources.title, sources.description, sources.community";

CitingRef read_ref(SQLite::Statement& row, int first) {
  CitingRef ref;
  int i = first;
  ref.slug = row.getColumn(i++).getString();
  ref.file = row.getColumn(i++).getString();
  ref.field = row.getColumn(i++).getString();
  ref.raw = row.getColumn(i++).getString();
  ref.clean = row.getColumn(i++).getString();
  const std::string removed = row.getColumn(i++).getString();
  if (removed != "[]") {  // nearly every ref: spare the parse
    auto list = nlohmann::json::parse(removed, nullptr, false);
    if (list.is_array()) {
      for (const auto& item : list) {
        if (item.is_string()) ref.removed.push_back(item.get<std::string>());
      }
    }
  }
  ref.line = row.getColumn(i++).getInt();
  ref.curated.title = row.getColumn(i++).getString();
  ref.curated.description = row.getColumn(i++).getString();
  ref.curated.community = row.getColumn(i++).getString();
  return ref;
}

namespace {

// Each target with the validators of its last informative check.
std::string fetch_target_sql(const std::string& which) {
  return "SELECT targets.url, targets.host, coalesce(c.etag, ''), "
         "coalesce(c.last_modified, ''), coalesce(c.final_url, '') FROM targets "
         "LEFT JOIN checks c ON c.id = (SELECT max(p.id) FROM checks p "
         "WHERE p.target_id = targets.id AND p.verdict IN (" +
         verdict_list(is_informative) + ")) WHERE " + which + " ORDER BY targets.url";
}

std::vector<FetchTarget> fetch_target_rows(SQLite::Statement& s) {
  return all_rows(s, [](SQLite::Statement& row) { return row.getColumns<FetchTarget, 5>(); });
}

}  // namespace

std::vector<FetchTarget> fetch_targets(SQLite::Database& db, std::int64_t run_id) {
  SQLite::Statement s(db, fetch_target_sql("targets.id IN (SELECT refs.target_id FROM refs "
                                           "JOIN sources ON sources.id = refs.source_id "
                                           "WHERE sources.last_seen_run = ?)"));
  s.bind(1, run_id);
  return fetch_target_rows(s);
}

std::vector<FetchTarget> fetch_targets(SQLite::Database& db,
                                       const std::vector<std::int64_t>& target_ids) {
  std::string ids = "[";
  for (const std::int64_t id : target_ids) {
    if (ids.size() > 1) ids += ',';
    ids += std::to_string(id);
  }
  SQLite::Statement s(db, fetch_target_sql("targets.id IN (SELECT value FROM json_each(?))"));
  s.bind(1, ids + "]");
  return fetch_target_rows(s);
}

}  // namespace linkhealth
