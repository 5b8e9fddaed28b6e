#include "store/queries.h"

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include <string>

#include "store/check_codec.h"
#include "store/content_index.h"

namespace linkhealth {
namespace {

constexpr const char* kRunColumns =
    "SELECT id, kind, status, started_at, coalesce(finished_at, ''), options, target_count, "
    "check_count, problem_count FROM runs ";

RunInfo read_run_row(SQLite::Statement& s) {
  RunInfo run;
  run.id = s.getColumn(0).getInt64();
  run.kind = run_kind_from_string(s.getColumn(1).getString()).value_or(RunKind::Crawl);
  run.status = run_status_from_string(s.getColumn(2).getString()).value_or(RunStatus::Running);
  run.started_at = s.getColumn(3).getString();
  run.finished_at = s.getColumn(4).getString();
  run.options = s.getColumn(5).getString();
  run.target_count = s.getColumn(6).getInt64();
  run.check_count = s.getColumn(7).getInt64();
  run.problem_count = s.getColumn(8).getInt64();
  return run;
}

std::optional<RunInfo> one_run(SQLite::Statement& s) {
  if (!s.executeStep()) return std::nullopt;
  return read_run_row(s);
}

bool is_ok(Verdict v) {
  return v == Verdict::Ok || v == Verdict::Redirected;
}

constexpr const char* kChecksFrom =
    " FROM checks JOIN runs ON runs.id = checks.run_id "
    "JOIN targets ON targets.id = checks.target_id ";

// A select of checks: its filter ("WHERE ...", named parameters only: a numbered one would
// share its index with :previous), its order (total: no two checks tie), the parameters of the
// filter, and the is_new / is_fixed columns with the previous crawl they compare with
// (constant 0 outside a run's targets).
struct CheckQuery {
  std::string where;
  std::string order;
  std::function<void(SQLite::Statement&)> bind;
  std::string flags = "0, 0";
  std::optional<std::int64_t> previous;  ///< binds :previous in `flags`
  PageRead page = PageRead::Whole;
};

// is_new and is_fixed of a `checks` row against crawl :previous (0 when there is none: every
// confirmed problem is then new). One definition for the flags and for change_counts.
constexpr const char* kIsNew =
    "(checks.problem = 1 AND checks.confirmed = 1 AND NOT EXISTS (SELECT 1 FROM checks p "
    "WHERE p.run_id = :previous AND p.target_id = checks.target_id AND p.problem = 1 "
    "AND p.confirmed = 1))";
std::string is_fixed_sql() {
  return "(checks.verdict IN (" + verdict_list(is_ok) +
         ") AND EXISTS (SELECT 1 FROM checks p WHERE p.run_id = :previous "
         "AND p.target_id = checks.target_id AND p.problem = 1))";
}

// The rows that belong to the checks of a CheckQuery (their drift, their target's refs), in
// the query's order, check id first: walked alongside the query's own rows, so each check
// takes its rows from one statement instead of running one of its own.
class AttachedRows {
 public:
  AttachedRows(SQLite::Database& db, const CheckQuery& q, const std::string& columns,
               const std::string& join, const std::string& then_by)
      : select_(db, "SELECT checks.id, " + columns + kChecksFrom + join + q.where + " ORDER BY " +
                        q.order + ", " + then_by) {
    q.bind(select_);
    more_ = select_.executeStep();
  }

  /// Calls `take(row)` for each row of check `id`. Checks come in the query's order, and a
  /// check without rows has none here, so the rows of `id` are next if it has any.
  template <typename Take>
  void rows_of(std::int64_t id, Take&& take) {
    while (more_ && select_.getColumn(0).getInt64() == id) {
      take(select_);
      more_ = select_.executeStep();
    }
  }

 private:
  SQLite::Statement select_;
  bool more_ = false;
};

// Each sorted statement of a read-back keeps up to the page cache's size of rows in memory
// before its sort spills to a temporary file, and the cache fills as the read visits the
// whole file: with the store's 8 MiB cache, the three statements below held 30 MB at the end
// of a 100,000-target crawl. While a read-back runs, the cache (and so each sort) is held to
// 2 MiB; the rows and their order are the same.
class ReadBackCache {
 public:
  explicit ReadBackCache(SQLite::Database& db)
      : db_(db), previous_(db.execAndGet("PRAGMA cache_size").getInt()) {
    db_.exec("PRAGMA cache_size = -2048");
  }
  ~ReadBackCache() {
    try {
      db_.exec("PRAGMA cache_size = " + std::to_string(previous_));
    } catch (...) {  // NOLINT(bugprone-empty-catch): a smaller cache is still a working one
    }
  }
  ReadBackCache(const ReadBackCache&) = delete;
  ReadBackCache& operator=(const ReadBackCache&) = delete;

 private:
  SQLite::Database& db_;
  int previous_;
};

void each_record(SQLite::Database& db, const CheckQuery& q, bool with_refs,
                 const std::function<void(TargetRecord&&)>& each) {
  const ReadBackCache cache(db);
  SQLite::Statement select(db, "SELECT " + q.flags + ", " + record_columns(q.page) + kChecksFrom +
                                   q.where + " ORDER BY " + q.order);
  q.bind(select);
  if (q.previous) select.bind(":previous", *q.previous);
  AttachedRows drift(db, q, "drift.slug, drift.kind, drift.before, drift.after, drift.score",
                     "JOIN drift ON drift.run_id = checks.run_id "
                     "AND drift.target_id = checks.target_id ",
                     "drift.id");
  std::optional<AttachedRows> refs;
  if (with_refs) {
    refs.emplace(db, q, kRefColumns,
                 "JOIN refs ON refs.target_id = checks.target_id "
                 "JOIN sources ON sources.id = refs.source_id ",
                 "refs.slug, refs.field, refs.id");
  }
  while (select.executeStep()) {
    TargetRecord record;
    static_cast<CheckRecord&>(record) = read_record(select, 2);
    record.is_new = select.getColumn(0).getInt() != 0;
    record.is_fixed = select.getColumn(1).getInt() != 0;
    drift.rows_of(record.id, [&](SQLite::Statement& row) {
      // A kind this build does not know (a newer one wrote the row) is not shown.
      const auto kind = drift_kind_from_string(row.getColumn(2).getString());
      if (!kind) return;
      record.drift.push_back({*kind, row.getColumn(1).getString(), row.getColumn(3).getString(),
                              row.getColumn(4).getString(), row.getColumn(5).getDouble()});
    });
    if (refs) {
      refs->rows_of(record.id,
                    [&](SQLite::Statement& row) { record.refs.push_back(read_ref(row, 1)); });
    }
    each(std::move(record));
  }
}

std::vector<TargetRecord> collect(SQLite::Database& db, const CheckQuery& q, bool with_refs) {
  std::vector<TargetRecord> out;
  each_record(db, q, with_refs, [&](TargetRecord&& record) { out.push_back(std::move(record)); });
  return out;
}

std::int64_t previous_crawl_id(SQLite::Database& db, std::int64_t run_id) {
  auto previous = previous_crawl(db, run_id);
  return previous ? previous->id : 0;
}

}  // namespace

std::optional<RunInfo> read_run(SQLite::Database& db, std::int64_t run_id) {
  SQLite::Statement s(db, std::string(kRunColumns) + "WHERE id = ?");
  s.bind(1, run_id);
  return one_run(s);
}

std::optional<RunInfo> latest_run(SQLite::Database& db, std::optional<RunKind> kind) {
  SQLite::Statement s(
      db, std::string(kRunColumns) + "WHERE ?1 = '' OR kind = ?1 ORDER BY id DESC LIMIT 1");
  s.bind(1, kind ? std::string(to_string(*kind)) : std::string());
  return one_run(s);
}

std::optional<RunInfo> previous_crawl(SQLite::Database& db, std::int64_t run_id) {
  SQLite::Statement s(db, std::string(kRunColumns) +
                              "WHERE kind = 'crawl' AND status = 'done' AND id < ? "
                              "ORDER BY id DESC LIMIT 1");
  s.bind(1, run_id);
  return one_run(s);
}

RunSummary run_summary(SQLite::Database& db, std::int64_t run_id) {
  RunSummary summary;
  auto run = read_run(db, run_id);
  if (!run) throw std::invalid_argument("no run with id " + std::to_string(run_id));
  summary.run = *run;
  SQLite::Statement verdicts(
      db, "SELECT verdict, count(*) FROM checks WHERE run_id = ? GROUP BY verdict");
  verdicts.bind(1, run_id);
  while (verdicts.executeStep()) {
    summary.verdicts[verdicts.getColumn(0).getString()] = verdicts.getColumn(1).getInt64();
  }
  SQLite::Statement drift(db, "SELECT count(*) FROM drift WHERE run_id = ?");
  drift.bind(1, run_id);
  drift.executeStep();
  summary.drift_count = drift.getColumn(0).getInt64();
  SQLite::Statement findings(db, "SELECT count(*) FROM findings WHERE run_id = ?");
  findings.bind(1, run_id);
  findings.executeStep();
  summary.finding_count = findings.getColumn(0).getInt64();
  summary.previous = previous_crawl(db, run_id);
  return summary;
}

void for_each_run_target(SQLite::Database& db, std::int64_t run_id, const TargetFilter& filter,
                         const std::function<void(TargetRecord&&)>& each, PageRead page) {
  CheckQuery q;
  q.where =
      "WHERE checks.run_id = :run AND (:problems = 0 OR checks.problem = 1) "
      "AND (:verdict = '' OR checks.verdict = :verdict) AND (:host = '' OR targets.host = :host) "
      "AND (:community = '' OR EXISTS (SELECT 1 FROM refs JOIN sources "
      "ON sources.id = refs.source_id WHERE refs.target_id = checks.target_id "
      "AND sources.community = :community)) ";
  q.order = "targets.host, targets.url";
  const std::string verdict = filter.verdict ? std::string(to_string(*filter.verdict)) : "";
  q.bind = [&](SQLite::Statement& s) {
    s.bind(":run", run_id);
    s.bind(":problems", filter.problems_only ? 1 : 0);
    s.bind(":verdict", verdict);
    s.bind(":host", filter.host);
    s.bind(":community", filter.community);
  };
  q.flags = kIsNew + (", " + is_fixed_sql());
  q.previous = previous_crawl_id(db, run_id);
  q.page = page;
  each_record(db, q, true, each);
}

std::vector<TargetRecord> run_targets(SQLite::Database& db, std::int64_t run_id,
                                      const TargetFilter& filter) {
  std::vector<TargetRecord> out;
  for_each_run_target(db, run_id, filter,
                      [&](TargetRecord&& record) { out.push_back(std::move(record)); });
  return out;
}

ChangeCounts change_counts(SQLite::Database& db, std::int64_t run_id) {
  SQLite::Statement s(db, std::string("SELECT coalesce(sum(") + kIsNew + "), 0), coalesce(sum(" +
                              is_fixed_sql() + "), 0) FROM checks WHERE checks.run_id = :run");
  s.bind(":run", run_id);
  s.bind(":previous", previous_crawl_id(db, run_id));
  s.executeStep();
  return {s.getColumn(0).getInt64(), s.getColumn(1).getInt64()};
}

std::vector<TargetRecord> timeline(SQLite::Database& db, const std::string& slug_or_url) {
  CheckQuery q;
  q.where =
      "WHERE checks.target_id IN (SELECT id FROM targets WHERE url = :key "
      "UNION SELECT target_id FROM refs WHERE slug = :key) ";
  q.order = "targets.url, checks.id";
  q.bind = [&](SQLite::Statement& s) { s.bind(":key", slug_or_url); };
  return collect(db, q, false);
}

std::optional<CheckRecord> last_check(SQLite::Database& db, const std::string& url,
                                      bool informative_only) {
  SQLite::Statement s(db, "SELECT " + record_columns() + kChecksFrom +
                              "WHERE targets.url = ?1 AND (?2 = 0 OR checks.verdict IN (" +
                              verdict_list(is_informative) + ")) ORDER BY checks.id DESC LIMIT 1");
  s.bind(1, url);
  s.bind(2, informative_only ? 1 : 0);
  if (!s.executeStep()) return std::nullopt;
  return read_record(s, 0);
}

std::set<std::string> checked_urls(SQLite::Database& db, std::int64_t run_id) {
  SQLite::Statement s(db,
                      "SELECT targets.url FROM checks JOIN targets ON targets.id = "
                      "checks.target_id WHERE checks.run_id = ?");
  s.bind(1, run_id);
  std::set<std::string> urls;
  while (s.executeStep()) urls.insert(s.getColumn(0).getString());
  return urls;
}

std::vector<Finding> run_findings(SQLite::Database& db, std::int64_t run_id) {
  SQLite::Statement s(db,
                      "SELECT kind, slug, file, field, detail, line FROM findings "
                      "WHERE run_id = ? ORDER BY file, line, kind");
  s.bind(1, run_id);
  std::vector<Finding> out;
  while (s.executeStep()) {
    // A kind this build does not know (a newer one wrote the row) is not shown.
    const auto kind = finding_kind_from_string(s.getColumn(0).getString());
    if (!kind) continue;
    out.push_back({*kind, s.getColumn(1).getString(), s.getColumn(2).getString(),
                   s.getColumn(3).getString(), s.getColumn(4).getString(),
                   s.getColumn(5).getInt()});
  }
  return out;
}

}  // namespace linkhealth
