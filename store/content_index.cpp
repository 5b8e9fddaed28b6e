#include "store/content_index.h"

#include <SQLiteCpp/Column.h>
#include <nlohmann/json.hpp>

namespace linkhealth {

const char* const kRefColumns =
    "refs.slug, sources.file, refs.field, refs.raw, refs.clean, refs.removed, refs.line, "
    "sources.title, sources.description, sources.community, sources.brand";

RefRecord read_ref(SQLite::Statement& row) {
  RefRecord ref;
  ref.slug = row.getColumn(0).getString();
  ref.file = row.getColumn(1).getString();
  ref.field = row.getColumn(2).getString();
  ref.raw = row.getColumn(3).getString();
  ref.clean = row.getColumn(4).getString();
  auto removed = nlohmann::json::parse(row.getColumn(5).getString(), nullptr, false);
  if (removed.is_array()) ref.removed = removed.get<std::vector<std::string>>();
  ref.line = row.getColumn(6).getInt();
  ref.title = row.getColumn(7).getString();
  ref.description = row.getColumn(8).getString();
  ref.community = row.getColumn(9).getString();
  ref.brand = row.getColumn(10).getString();
  return ref;
}

std::vector<ContentTarget> content_targets(SQLite::Database& db, std::int64_t run_id) {
  SQLite::Statement s(db,
                      "SELECT DISTINCT targets.url, targets.host FROM refs "
                      "JOIN sources ON sources.id = refs.source_id "
                      "JOIN targets ON targets.id = refs.target_id "
                      "WHERE sources.last_seen_run = ? ORDER BY targets.url");
  s.bind(1, run_id);
  std::vector<ContentTarget> out;
  while (s.executeStep()) out.push_back({s.getColumn(0).getString(), s.getColumn(1).getString()});
  return out;
}

CitingRefs::CitingRefs(SQLite::Database& db)
    : select_(db,
              "SELECT refs.slug, sources.file, refs.field, sources.title, sources.description "
              "FROM refs JOIN sources ON sources.id = refs.source_id "
              "JOIN targets ON targets.id = refs.target_id WHERE targets.url = ? "
              "ORDER BY sources.file, refs.id") {}

std::vector<CitingRef> CitingRefs::of(const std::string& url) {
  select_.reset();
  select_.bind(1, url);
  std::vector<CitingRef> out;
  while (select_.executeStep()) {
    out.push_back({select_.getColumn(0).getString(), select_.getColumn(1).getString(),
                   select_.getColumn(2).getString(), select_.getColumn(3).getString(),
                   select_.getColumn(4).getString()});
  }
  select_.reset();
  return out;
}

}  // namespace linkhealth
