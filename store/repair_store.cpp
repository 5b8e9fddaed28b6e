#include "store/repair_store.h"

#include <algorithm>

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <nlohmann/json.hpp>

#include "crawler/archive_choice.h"
#include "extract/utc_time.h"
#include "store/check_codec.h"

namespace linkhealth {
namespace {

using nlohmann::json;

json candidates_json(const std::map<std::string, std::vector<RankedCandidate>>& candidates) {
  json out = json::object();
  for (const auto& [dead, list] : candidates) {
    json rows = json::array();
    for (const RankedCandidate& c : list) {
      rows.push_back({{"url", c.url}, {"news_title", c.news_title}, {"rank", c.rank}});
    }
    out[dead] = std::move(rows);
  }
  return out;
}

std::map<std::string, std::vector<RankedCandidate>> candidates_from(const std::string& text) {
  std::map<std::string, std::vector<RankedCandidate>> out;
  const json object = json::parse(text, nullptr, false);
  if (!object.is_object()) return out;
  for (const auto& [dead, rows] : object.items()) {
    auto& list = out[dead];
    if (!rows.is_array()) continue;
    for (const auto& row : rows) {
      if (!row.is_object()) continue;
      list.push_back({row.value("url", std::string()), row.value("news_title", std::string()),
                      row.value("rank", 0.0)});
    }
  }
  return out;
}

std::string dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

/// The citing files' titles and the earliest curation time among them.
void curated_record(SQLite::Statement& cited, std::int64_t target, DeadLink& link) {
  cited.bind(1, target);
  std::optional<std::string> earliest;
  while (cited.executeStep()) {
    const std::string title = cited.getColumn(0).getString();
    if (!title.empty() && std::find(link.curated_titles.begin(), link.curated_titles.end(),
                                    title) == link.curated_titles.end()) {
      link.curated_titles.push_back(title);
    }
    // The front matter's date when it reads as one, else when linkhealth first saw the file.
    std::string when = cited.getColumn(1).getString();
    if (!capture_time_of(when)) when = cited.getColumn(2).getString();
    const auto at = capture_time_of(when);
    if (at && (!earliest || *at < *earliest)) {
      earliest = at;
      link.curated_at = when;
    }
  }
  cited.reset();
}

}  // namespace

std::vector<DeadCheck> dead_checks(SQLite::Database& db, std::int64_t run_id) {
  SQLite::Statement dead(db,
                         "SELECT targets.id, targets.url, targets.host FROM checks "
                         "JOIN targets ON targets.id = checks.target_id "
                         "WHERE checks.run_id = ? AND checks.verdict IN ('broken', 'soft_404') "
                         "AND checks.not_modified = 0 ORDER BY targets.url");
  // A feed's own URLs are not the article a curated title describes.
  SQLite::Statement cited(db,
                          "SELECT sources.title, sources.date, sources.first_seen_at FROM refs "
                          "JOIN sources ON sources.id = refs.source_id "
                          "WHERE refs.target_id = ? AND refs.field NOT LIKE 'feed.%' "
                          "ORDER BY sources.file, refs.id");
  SQLite::Statement earlier(db,
                            "SELECT archive_url, archive_timestamp, archive_curated_at FROM checks "
                            "WHERE target_id = ? AND run_id <> ? AND archive_url IS NOT NULL "
                            "ORDER BY id DESC LIMIT 1");
  dead.bind(1, run_id);
  std::vector<DeadCheck> out;
  while (dead.executeStep()) {
    DeadCheck check;
    const std::int64_t target = dead.getColumn(0).getInt64();
    check.link.request_url = dead.getColumn(1).getString();
    check.link.host = dead.getColumn(2).getString();
    curated_record(cited, target, check.link);
    earlier.bind(1, target);
    earlier.bind(2, run_id);
    if (earlier.executeStep()) {
      check.earlier_archive =
          ArchiveCapture{earlier.getColumn(0).getString(), earlier.getColumn(1).getString(),
                         earlier.getColumn(2).getString()};
    }
    earlier.reset();
    out.push_back(std::move(check));
  }
  return out;
}

void record_repairs(SQLite::Database& db, std::int64_t run_id,
                    const std::vector<std::pair<std::string, RepairSuggestion>>& repairs) {
  SQLite::Transaction txn(db, SQLite::TransactionBehavior::IMMEDIATE);
  SQLite::Statement update(
      db,
      "UPDATE checks SET replacement_url = ?, replacement_title = ?, "
      "replacement_similarity = ?, archive_url = ?, archive_timestamp = ?, archive_curated_at = ? "
      "WHERE run_id = ? AND target_id = (SELECT id FROM targets WHERE url = ?)");
  for (const auto& [url, repair] : repairs) {
    const int next = bind_repair(update, 1, repair);
    update.bind(next, run_id);
    update.bindNoCopy(next + 1, url);
    update.exec();
    update.reset();
    update.clearBindings();
  }
  txn.commit();
}

std::vector<SitemapFile> sitemap_files(SQLite::Database& db, const std::set<std::string>& hosts) {
  SQLite::Statement select(db,
                           "SELECT url, host, etag, last_modified, is_index, children, candidates "
                           "FROM sitemaps WHERE host = ? ORDER BY url");
  std::vector<SitemapFile> out;
  for (const std::string& host : hosts) {
    select.bind(1, host);
    while (select.executeStep()) {
      SitemapFile file;
      file.url = select.getColumn(0).getString();
      file.host = select.getColumn(1).getString();
      file.etag = select.getColumn(2).getString();
      file.last_modified = select.getColumn(3).getString();
      file.index = select.getColumn(4).getInt() != 0;
      const json children = json::parse(select.getColumn(5).getString(), nullptr, false);
      if (children.is_array()) {
        for (const auto& child : children) {
          if (child.is_string()) file.children.push_back(child.get<std::string>());
        }
      }
      file.candidates = candidates_from(select.getColumn(6).getString());
      out.push_back(std::move(file));
    }
    select.reset();
  }
  return out;
}

void record_sitemap_files(SQLite::Database& db, const std::vector<SitemapFile>& files) {
  SQLite::Transaction txn(db, SQLite::TransactionBehavior::IMMEDIATE);
  SQLite::Statement upsert(
      db,
      "INSERT OR REPLACE INTO sitemaps (url, host, etag, last_modified, "
      "is_index, children, candidates, read_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  const std::string now = utc_now();
  for (const SitemapFile& file : files) {
    upsert.bind(1, file.url);
    upsert.bind(2, file.host);
    upsert.bind(3, file.etag);
    upsert.bind(4, file.last_modified);
    upsert.bind(5, file.index ? 1 : 0);
    upsert.bind(6, dump(json(file.children)));
    upsert.bind(7, dump(candidates_json(file.candidates)));
    upsert.bind(8, now);
    upsert.exec();
    upsert.reset();
  }
  txn.commit();
}

}  // namespace linkhealth
