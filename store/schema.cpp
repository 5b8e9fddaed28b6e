#include "store/schema.h"

#include <array>
#include <optional>
#include <stdexcept>
#include <string>

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "store/history.h"

namespace linkhealth {
namespace {

// Version 1: runs, content, targets, checks and drift.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('crawl', 'check')),
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL CHECK (status IN ('running', 'done', 'interrupted')),
  options TEXT NOT NULL DEFAULT '{}',
  target_count INTEGER NOT NULL DEFAULT 0,
  check_count INTEGER NOT NULL DEFAULT 0,
  problem_count INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL,
  file TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  brand TEXT NOT NULL DEFAULT '',
  community TEXT NOT NULL DEFAULT '',
  date TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL DEFAULT '',
  content_hash TEXT NOT NULL,
  first_seen_run INTEGER REFERENCES runs(id),
  last_seen_run INTEGER REFERENCES runs(id),
  first_seen_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL
);
CREATE TABLE targets (
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,
  host TEXT NOT NULL,
  first_seen_at TEXT NOT NULL
);
CREATE TABLE refs (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  slug TEXT NOT NULL,
  field TEXT NOT NULL,
  raw TEXT NOT NULL,
  clean TEXT NOT NULL,
  removed TEXT NOT NULL DEFAULT '[]',
  line INTEGER NOT NULL DEFAULT 0,
  target_id INTEGER NOT NULL REFERENCES targets(id)
);
CREATE TABLE checks (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs(id),
  target_id INTEGER NOT NULL REFERENCES targets(id),
  checked_at TEXT NOT NULL,
  verdict TEXT NOT NULL,
  http_status INTEGER NOT NULL DEFAULT 0,
  final_url TEXT NOT NULL DEFAULT '',
  redirects TEXT NOT NULL DEFAULT '[]',
  error TEXT NOT NULL DEFAULT '',
  elapsed_ms REAL NOT NULL DEFAULT 0,
  bytes INTEGER NOT NULL DEFAULT 0,
  attempts INTEGER NOT NULL DEFAULT 0,
  not_modified INTEGER NOT NULL DEFAULT 0,
  etag TEXT NOT NULL DEFAULT '',
  last_modified TEXT NOT NULL DEFAULT '',
  content_type TEXT NOT NULL DEFAULT '',
  title TEXT,
  title_rule TEXT,
  description TEXT,
  description_rule TEXT,
  canonical TEXT,
  og_title TEXT,
  og_description TEXT,
  og_url TEXT,
  og_site_name TEXT,
  og_image TEXT,
  page TEXT,
  UNIQUE (run_id, target_id)
);
CREATE INDEX checks_by_target ON checks (target_id, id);
CREATE TABLE drift (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs(id),
  target_id INTEGER NOT NULL REFERENCES targets(id),
  slug TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL,
  before TEXT NOT NULL DEFAULT '',
  after TEXT NOT NULL DEFAULT '',
  score REAL NOT NULL DEFAULT 0 CHECK (score >= 0 AND score <= 1)
);
)sql";

// Version 2: per-check failure history, scan findings, and the indexes the report reads by.
constexpr const char* kSchemaV2 = R"sql(
ALTER TABLE checks ADD COLUMN problem INTEGER NOT NULL DEFAULT 0;
ALTER TABLE checks ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;
ALTER TABLE checks ADD COLUMN broken_since TEXT;
ALTER TABLE checks ADD COLUMN confirmed INTEGER NOT NULL DEFAULT 0;
CREATE TABLE findings (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs(id),
  kind TEXT NOT NULL,
  slug TEXT NOT NULL DEFAULT '',
  file TEXT NOT NULL DEFAULT '',
  field TEXT NOT NULL DEFAULT '',
  line INTEGER NOT NULL DEFAULT 0,
  detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX findings_by_run ON findings (run_id, kind);
CREATE INDEX drift_by_run_target ON drift (run_id, target_id);
CREATE INDEX drift_by_target ON drift (target_id);
CREATE INDEX refs_by_target ON refs (target_id);
CREATE INDEX refs_by_source ON refs (source_id);
CREATE INDEX sources_by_slug ON sources (slug);
CREATE INDEX sources_by_community ON sources (community);
CREATE INDEX targets_by_host ON targets (host);
)sql";

// Version 3: repair suggestions with each check, and the sitemap files relocation read (their
// validators, an index's children and the best entries each held per dead link), so next
// week's sitemap requests are conditional and a 304 still relocates.
constexpr const char* kSchemaV3 = R"sql(
ALTER TABLE checks ADD COLUMN replacement_url TEXT;
ALTER TABLE checks ADD COLUMN replacement_title TEXT;
ALTER TABLE checks ADD COLUMN replacement_similarity REAL;
ALTER TABLE checks ADD COLUMN archive_url TEXT;
ALTER TABLE checks ADD COLUMN archive_timestamp TEXT;
ALTER TABLE checks ADD COLUMN archive_curated_at TEXT;
CREATE TABLE sitemaps (
  url TEXT PRIMARY KEY,
  host TEXT NOT NULL,
  etag TEXT NOT NULL DEFAULT '',
  last_modified TEXT NOT NULL DEFAULT '',
  is_index INTEGER NOT NULL DEFAULT 0,
  children TEXT NOT NULL DEFAULT '[]',
  candidates TEXT NOT NULL DEFAULT '{}',
  read_at TEXT NOT NULL
);
CREATE INDEX sitemaps_by_host ON sitemaps (host);
)sql";

// Version 4: the notifications each crawl sent (store/notice_log.h).
constexpr const char* kSchemaV4 = R"sql(
CREATE TABLE notices (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs(id),
  channel TEXT NOT NULL,
  attempted INTEGER NOT NULL DEFAULT 0,
  error TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL
);
CREATE INDEX notices_by_run ON notices (run_id);
)sql";

// Version 5: the per-run counts (the run's summary, finish_run's totals, new and fixed
// problems, the report's trends) read this index alone. Without it each count read every
// check row of the run, page metadata and all: a quarter of a second per count at 100,000
// targets, and more with each run in the trends' window.
constexpr const char* kSchemaV5 = R"sql(
CREATE INDEX checks_by_run_state ON checks (run_id, problem, confirmed, verdict, target_id);
)sql";

// Version 1 checks had no history: replay every target's checks in order.
void backfill_history(SQLite::Database& db) {
  SQLite::Statement select(db,
                           "SELECT checks.id, checks.target_id, checks.verdict, checks.checked_at, "
                           "runs.kind FROM checks JOIN runs ON runs.id = checks.run_id "
                           "ORDER BY checks.target_id, checks.id");
  SQLite::Statement update(
      db,
      "UPDATE checks SET failures = ?, broken_since = ?, confirmed = ?, problem = ? WHERE id = ?");
  std::int64_t current_target = -1;
  std::optional<HistoryState> state;
  while (select.executeStep()) {
    std::int64_t target = select.getColumn(1).getInt64();
    if (target != current_target) state.reset();
    current_target = target;
    auto verdict = verdict_from_string(select.getColumn(2).getString()).value_or(Verdict::Invalid);
    auto kind = run_kind_from_string(select.getColumn(4).getString()).value_or(RunKind::Crawl);
    state =
        next_history(state, verdict, kind, select.getColumn(3).getString(), kDefaultConfirmRuns);
    update.bind(1, state->failures);
    if (state->broken_since.empty()) {
      update.bind(2);
    } else {
      update.bind(2, state->broken_since);
    }
    update.bind(3, state->confirmed ? 1 : 0);
    update.bind(4, is_problem(verdict) ? 1 : 0);
    update.bind(5, select.getColumn(0).getInt64());
    update.exec();
    update.reset();
  }
}

struct Migration {
  const char* sql;
  void (*after)(SQLite::Database&);
};

constexpr std::array<Migration, kSchemaVersion> kMigrations{{
    {kSchemaV1, nullptr},
    {kSchemaV2, backfill_history},
    {kSchemaV3, nullptr},
    {kSchemaV4, nullptr},
    {kSchemaV5, nullptr},
}};

}  // namespace

int schema_version(SQLite::Database& db) {
  return db.execAndGet("PRAGMA user_version").getInt();
}

void migrate(SQLite::Database& db) {
  if (schema_version(db) == kSchemaVersion) return;
  SQLite::Transaction txn(db, SQLite::TransactionBehavior::IMMEDIATE);
  int version = schema_version(db);  // again: another process may have migrated meanwhile
  if (version > kSchemaVersion) {
    throw std::runtime_error(db.getFilename() + ": database schema version " +
                             std::to_string(version) + " is newer than this linkhealth (" +
                             std::to_string(kSchemaVersion) + ")");
  }
  for (int v = version; v < kSchemaVersion; ++v) {
    db.exec(kMigrations[static_cast<std::size_t>(v)].sql);
    if (auto after = kMigrations[static_cast<std::size_t>(v)].after) after(db);
  }
  // PRAGMA takes no bound parameters; the value is our own constant.
  db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
  txn.commit();
}

SQLite::Database open_database(const std::filesystem::path& path) {
  try {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE,
                        kBusyTimeoutMs);
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = NORMAL");
    db.exec("PRAGMA foreign_keys = ON");
    // An 8 MiB page cache still holds the hot index pages a batch of check
    // writes touches, while the end-of-run report read, which visits the whole file, does not
    // keep tens of MB of a large database resident (the crawl stays within 64 MB). Fewer,
    // larger checkpoints save re-writing pages every batch.
    db.exec("PRAGMA cache_size = -8192");
    db.exec("PRAGMA wal_autocheckpoint = 8192");
    migrate(db);
    return db;
  } catch (const SQLite::Exception& e) {
    throw std::runtime_error(path.string() + ": cannot open database: " + e.what());
  }
}

}  // namespace linkhealth
