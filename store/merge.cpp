#include "store/merge.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "extract/fnv_hash.h"
#include "store/queries.h"
#include "store/schema.h"
#include "store/shard_runs.h"

namespace linkhealth {
namespace {

// Columns are listed from the schema rather than spelled out, so a column a later schema
// version adds is carried by merge without touching this file.
std::vector<std::string> columns_except(SQLite::Database& db, const std::string& table,
                                        const std::vector<std::string>& except) {
  std::vector<std::string> out;
  SQLite::Statement info(db, "SELECT name FROM pragma_table_info(?)");
  info.bind(1, table);
  while (info.executeStep()) {
    std::string name = info.getColumn(0).getString();
    if (std::find(except.begin(), except.end(), name) == except.end()) out.push_back(name);
  }
  return out;
}

void bind_value(SQLite::Statement& statement, int index, const SQLite::Column& value) {
  if (value.isNull()) {
    statement.bind(index);
  } else if (value.isInteger()) {
    statement.bind(index, value.getInt64());
  } else if (value.isFloat()) {
    statement.bind(index, value.getDouble());
  } else if (value.isBlob()) {
    statement.bind(index, value.getBlob(), value.getBytes());
  } else {
    statement.bind(index, value.getString());
  }
}

std::string placeholders(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += i == 0 ? "?" : ", ?";
  return out;
}

Shard shard_of_run(const RunInfo& run) {
  const auto options = nlohmann::json::parse(run.options, nullptr, false);
  if (options.is_object() && options.contains("shard") && options["shard"].is_string()) {
    if (auto shard = parse_shard(options["shard"].get<std::string>())) return *shard;
  }
  return Shard{};
}

// What the run's content was: every file it recorded and that file's content hash.
std::string content_fingerprint(SQLite::Database& db, std::int64_t run_id) {
  SQLite::Statement files(
      db, "SELECT file, content_hash FROM sources WHERE last_seen_run = ? ORDER BY file");
  files.bind(1, run_id);
  FnvHash hash;
  while (files.executeStep()) {
    hash.add_field(files.getColumn(0).getString()).add_field(files.getColumn(1).getString());
  }
  return hash.hex();
}

struct OpenShard {
  SQLite::Database db;
  ShardRun run;
};

OpenShard open_shard(const std::filesystem::path& path) {
  if (!std::filesystem::exists(path)) throw MergeRefused(path.string() + ": no such database");
  SQLite::Database db = open_database(path);
  const auto run = latest_run(db, RunKind::Crawl);
  if (!run) throw MergeRefused(path.string() + ": has no crawl");
  ShardRun shard_run{path, *run, shard_of_run(*run), content_fingerprint(db, run->id)};
  return OpenShard{std::move(db), std::move(shard_run)};
}

nlohmann::json merged_from(const std::vector<OpenShard>& shards) {
  nlohmann::json out = nlohmann::json::array();
  for (const OpenShard& s : shards) {
    out.push_back({{"shard", to_string(s.run.shard)},
                   {"run", s.run.run.id},
                   {"started_at", s.run.run.started_at},
                   {"db", s.run.db.filename().string()}});
  }
  return out;
}

/// The merged runs already in `db`: id, start and what they were merged from.
struct MergedRun {
  std::int64_t id;
  std::string started_at;
  nlohmann::json from;
};

// A shard run is known by its shard, id and start; the file's name is only for messages.
bool same_shard_run(const nlohmann::json& a, const nlohmann::json& b) {
  return a.at("shard") == b.at("shard") && a.at("run") == b.at("run") &&
         a.at("started_at") == b.at("started_at");
}

bool same_parts(const nlohmann::json& a, const nlohmann::json& b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(),
                    [](const auto& x, const auto& y) { return same_shard_run(x, y); });
}

std::string earliest_start(const std::vector<OpenShard>& shards) {
  std::string out = shards.front().run.run.started_at;
  for (const OpenShard& s : shards) out = std::min(out, s.run.run.started_at);
  return out;
}

std::vector<MergedRun> merged_runs(SQLite::Database& db) {
  std::vector<MergedRun> out;
  SQLite::Statement runs(db, "SELECT id, started_at, options FROM runs WHERE kind = 'crawl'");
  while (runs.executeStep()) {
    const auto options = nlohmann::json::parse(runs.getColumn(2).getString(), nullptr, false);
    if (!options.is_object() || !options.contains("merged_from")) continue;
    out.push_back(
        {runs.getColumn(0).getInt64(), runs.getColumn(1).getString(), options["merged_from"]});
  }
  return out;
}

class RunCopier {
 public:
  RunCopier(SQLite::Database& into, std::int64_t run_id) : into_(into), run_id_(run_id) {}

  /// Every target of `from`'s run `run` (cited or checked), by URL, into `into`.
  void copy_targets(SQLite::Database& from, std::int64_t run) {
    SQLite::Statement select(
        from,
        "SELECT url, host, first_seen_at FROM targets WHERE id IN (SELECT target_id FROM checks "
        "WHERE run_id = ?1 UNION SELECT refs.target_id FROM refs JOIN sources ON sources.id = "
        "refs.source_id WHERE sources.last_seen_run = ?1)");
    select.bind(1, run);
    SQLite::Statement insert(
        into_,
        "INSERT INTO targets (url, host, first_seen_at) VALUES (?, ?, ?) ON CONFLICT (url) DO "
        "UPDATE SET first_seen_at = min(first_seen_at, excluded.first_seen_at) RETURNING id");
    while (select.executeStep()) {
      for (int c = 0; c < 3; ++c) bind_value(insert, c + 1, select.getColumn(c));
      insert.executeStep();
      target_ids_[select.getColumn(0).getString()] = insert.getColumn(0).getInt64();
      insert.reset();
    }
  }

  /// Sources seen in `run` and their refs; the refs of files gone from the content go.
  void copy_content(SQLite::Database& from, std::int64_t run) {
    const auto cols = columns_except(into_, "sources", {"id", "first_seen_run", "last_seen_run"});
    std::string updates;
    for (const std::string& c : cols) {
      if (c == "file" || c == "first_seen_at") continue;
      updates += fmt::format("{}{} = excluded.{}", updates.empty() ? "" : ", ", c, c);
    }
    SQLite::Statement select(
        from, fmt::format("SELECT {} FROM sources WHERE last_seen_run = ?", fmt::join(cols, ", ")));
    select.bind(1, run);
    SQLite::Statement upsert(
        into_, fmt::format("INSERT INTO sources ({}, first_seen_run, last_seen_run) VALUES ({}, "
                           "?{}, ?{}) ON CONFLICT (file) DO UPDATE SET {}, last_seen_run = "
                           "excluded.last_seen_run RETURNING id",
                           fmt::join(cols, ", "), placeholders(cols.size()), cols.size() + 1,
                           cols.size() + 1, updates));
    SQLite::Statement clear(into_, "DELETE FROM refs WHERE source_id = ?");
    std::unordered_map<std::string, std::int64_t> source_ids;
    const auto file_column = std::find(cols.begin(), cols.end(), "file") - cols.begin();
    while (select.executeStep()) {
      for (std::size_t c = 0; c < cols.size(); ++c) {
        bind_value(upsert, static_cast<int>(c + 1), select.getColumn(static_cast<int>(c)));
      }
      upsert.bind(static_cast<int>(cols.size() + 1), run_id_);
      upsert.executeStep();
      const std::int64_t id = upsert.getColumn(0).getInt64();
      upsert.reset();
      source_ids[select.getColumn(static_cast<int>(file_column)).getString()] = id;
      clear.bind(1, id);
      clear.exec();
      clear.reset();
    }
    const auto ref_cols = columns_except(into_, "refs", {"id", "source_id", "target_id"});
    SQLite::Statement refs(
        from, fmt::format("SELECT sources.file, targets.url, refs.{} FROM refs JOIN sources ON "
                          "sources.id = refs.source_id JOIN targets ON targets.id = "
                          "refs.target_id WHERE sources.last_seen_run = ?",
                          fmt::join(ref_cols, ", refs.")));
    refs.bind(1, run);
    SQLite::Statement insert(
        into_, fmt::format("INSERT INTO refs (source_id, target_id, {}) VALUES (?, ?, {})",
                           fmt::join(ref_cols, ", "), placeholders(ref_cols.size())));
    while (refs.executeStep()) {
      insert.bind(1, source_ids.at(refs.getColumn(0).getString()));
      insert.bind(2, target_ids_.at(refs.getColumn(1).getString()));
      for (std::size_t c = 0; c < ref_cols.size(); ++c) {
        bind_value(insert, static_cast<int>(c + 3), refs.getColumn(static_cast<int>(c + 2)));
      }
      insert.exec();
      insert.reset();
    }
    SQLite::Statement prune(into_,
                            "DELETE FROM refs WHERE source_id IN (SELECT id FROM sources WHERE "
                            "last_seen_run IS NOT ?)");
    prune.bind(1, run_id_);
    prune.exec();
  }

  /// The rows of `table` that `run` wrote, re-keyed to the merged run (and its target ids).
  std::int64_t copy_run_rows(SQLite::Database& from, std::int64_t run, const std::string& table,
                             bool keyed_by_target) {
    std::vector<std::string> except = {"id", "run_id"};
    if (keyed_by_target) except.push_back("target_id");
    const auto cols = columns_except(into_, table, except);
    SQLite::Statement select(
        from, keyed_by_target ? fmt::format("SELECT targets.url, t.{} FROM {} AS t JOIN targets ON "
                                            "targets.id = t.target_id WHERE t.run_id = ?",
                                            fmt::join(cols, ", t."), table)
                              : fmt::format("SELECT '', {} FROM {} WHERE run_id = ?",
                                            fmt::join(cols, ", "), table));
    select.bind(1, run);
    SQLite::Statement insert(
        into_, fmt::format("INSERT INTO {} (run_id{}, {}) VALUES (?{}, {})", table,
                           keyed_by_target ? ", target_id" : "", fmt::join(cols, ", "),
                           keyed_by_target ? ", ?" : "", placeholders(cols.size())));
    const int first = keyed_by_target ? 3 : 2;
    std::int64_t rows = 0;
    while (select.executeStep()) {
      insert.bind(1, run_id_);
      if (keyed_by_target) insert.bind(2, target_ids_.at(select.getColumn(0).getString()));
      for (std::size_t c = 0; c < cols.size(); ++c) {
        bind_value(insert, static_cast<int>(c) + first, select.getColumn(static_cast<int>(c + 1)));
      }
      insert.exec();
      insert.reset();
      ++rows;
    }
    return rows;
  }

 private:
  SQLite::Database& into_;
  std::int64_t run_id_;
  std::unordered_map<std::string, std::int64_t> target_ids_;
};

}  // namespace

MergeOutcome merge_shards(const std::filesystem::path& into,
                          const std::vector<std::filesystem::path>& shards) {
  std::vector<OpenShard> open;
  std::vector<ShardRun> runs;
  for (const auto& path : shards) {
    open.push_back(open_shard(path));
    runs.push_back(open.back().run);
  }
  if (auto refusal = merge_refusal(runs)) throw MergeRefused(*refusal);
  std::sort(open.begin(), open.end(), [](const OpenShard& a, const OpenShard& b) {
    return a.run.shard.index < b.run.shard.index;
  });

  MergeOutcome outcome;
  outcome.week = iso_week(open.front().run.run.started_at);
  outcome.shards = static_cast<std::int64_t>(open.size());
  const nlohmann::json from = merged_from(open);

  SQLite::Database db = open_database(into);
  SQLite::Transaction txn(db, SQLite::TransactionBehavior::IMMEDIATE);
  const std::string started_at = earliest_start(open);
  for (const MergedRun& m : merged_runs(db)) {
    if (same_parts(m.from, from)) {
      outcome.run_id = m.id;
      outcome.already_merged = true;
      return outcome;
    }
    for (const auto& part : from) {
      const bool merged_before =
          std::any_of(m.from.begin(), m.from.end(),
                      [&](const nlohmann::json& old) { return same_shard_run(old, part); });
      if (merged_before) {
        throw MergeRefused(fmt::format(
            "{}: run {} of shard {} is already part of run {} in {}, merged with other shard "
            "runs ({}); give the databases of one crawl",
            part.at("db").get<std::string>(), part.at("run").get<std::int64_t>(),
            part.at("shard").get<std::string>(), m.id, into.string(), m.from.dump()));
      }
    }
    if (m.started_at > started_at) {
      throw MergeRefused(
          fmt::format("{} already holds a later crawl (run {}, started {}); merge "
                      "the crawls in the order they ran",
                      into.string(), m.id, m.started_at));
    }
  }

  std::string finished = open.front().run.run.finished_at;
  for (const OpenShard& s : open) finished = std::max(finished, s.run.run.finished_at);
  // The shards' settings (the same content tree, which merge checked), so `report` finds the
  // content the run read as it does for a crawl made on one machine.
  nlohmann::json options = nlohmann::json::parse(open.front().run.run.options, nullptr, false);
  if (!options.is_object()) options = nlohmann::json::object();
  options.erase("shard");
  options["merged_from"] = from;
  options["shards"] = open.front().run.shard.count;
  SQLite::Statement insert_run(
      db,
      "INSERT INTO runs (kind, started_at, finished_at, status, options, target_count) VALUES "
      "('crawl', ?, ?, 'running', ?, ?)");
  insert_run.bind(1, started_at);
  insert_run.bind(2, finished);
  insert_run.bind(3, options.dump());
  insert_run.bind(4, open.front().run.run.target_count);
  insert_run.exec();
  outcome.run_id = db.getLastInsertRowid();

  RunCopier copier(db, outcome.run_id);
  for (OpenShard& s : open) copier.copy_targets(s.db, s.run.run.id);
  copier.copy_content(open.front().db, open.front().run.run.id);
  copier.copy_run_rows(open.front().db, open.front().run.run.id, "findings", false);
  for (OpenShard& s : open) {
    try {
      outcome.checks += copier.copy_run_rows(s.db, s.run.run.id, "checks", true);
    } catch (const SQLite::Exception& e) {
      throw MergeRefused(
          fmt::format("{}: a target it checked was checked by another shard too "
                      "({}); were the shards split with different N?",
                      s.run.db.string(), e.what()));
    }
    copier.copy_run_rows(s.db, s.run.run.id, "drift", true);
  }
  SQLite::Statement finish(
      db,
      "UPDATE runs SET status = 'done', "
      "check_count = (SELECT count(*) FROM checks WHERE run_id = ?1), "
      "problem_count = (SELECT count(*) FROM checks WHERE run_id = ?1 AND problem = 1) "
      "WHERE id = ?1");
  finish.bind(1, outcome.run_id);
  finish.exec();
  txn.commit();
  return outcome;
}

}  // namespace linkhealth
