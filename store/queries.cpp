#include "store/queries.h"

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

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

// SQL list of the verdict names for which `keep` holds, e.g. "'ok','redirected'". The names
// are the fixed vocabulary of check_result.h, never user input.
std::string verdict_list(bool (*keep)(Verdict)) {
  std::string list;
  for (int v = 0; v <= static_cast<int>(Verdict::Skipped); ++v) {
    auto verdict = static_cast<Verdict>(v);
    if (!keep(verdict)) continue;
    if (!list.empty()) list += ",";
    list += "'" + std::string(to_string(verdict)) + "'";
  }
  return list;
}

bool is_ok(Verdict v) {
  return v == Verdict::Ok || v == Verdict::Redirected;
}

std::string check_select(const std::string& rest) {
  return std::string(
             "SELECT checks.target_id, checks.id, checks.run_id, runs.kind, targets.url, "
             "targets.host, checks.failures, coalesce(checks.broken_since, ''), "
             "checks.confirmed, ") +
         kCheckColumns +
         " FROM checks JOIN runs ON runs.id = checks.run_id "
         "JOIN targets ON targets.id = checks.target_id " +
         rest;
}

constexpr int kFirstCheckColumn = 9;

CheckRecord read_record(SQLite::Statement& s) {
  CheckRecord r;
  r.id = s.getColumn(1).getInt64();
  r.run_id = s.getColumn(2).getInt64();
  r.run_kind = run_kind_from_string(s.getColumn(3).getString()).value_or(RunKind::Crawl);
  r.result.request_url = s.getColumn(4).getString();
  r.result.host = s.getColumn(5).getString();
  r.history.failures = s.getColumn(6).getInt();
  r.history.broken_since = s.getColumn(7).getString();
  r.history.confirmed = s.getColumn(8).getInt() != 0;
  read_check(s, kFirstCheckColumn, r.result);
  return r;
}

// Runs a check select and attaches drift (and refs when with_refs) to each row.
void each_record(SQLite::Database& db, SQLite::Statement& select, bool with_refs,
                 const std::function<void(TargetRecord&&)>& each) {
  SQLite::Statement refs(db, std::string("SELECT ") + kRefColumns +
                                 " FROM refs JOIN sources ON sources.id = refs.source_id "
                                 "WHERE refs.target_id = ? ORDER BY refs.slug, refs.field");
  SQLite::Statement drift(db,
                          "SELECT slug, kind, before, after, score FROM drift "
                          "WHERE run_id = ? AND target_id = ? ORDER BY id");
  while (select.executeStep()) {
    std::int64_t target = select.getColumn(0).getInt64();
    TargetRecord record{read_record(select), {}, {}};
    drift.bind(1, record.check.run_id);
    drift.bind(2, target);
    while (drift.executeStep()) {
      // A kind this build does not know (a newer one wrote the row) is not shown.
      const auto kind = drift_kind_from_string(drift.getColumn(1).getString());
      if (!kind) continue;
      record.drift.push_back({*kind, drift.getColumn(0).getString(), drift.getColumn(2).getString(),
                              drift.getColumn(3).getString(), drift.getColumn(4).getDouble()});
    }
    drift.reset();
    if (with_refs) {
      refs.bind(1, target);
      while (refs.executeStep()) record.refs.push_back(read_ref(refs));
      refs.reset();
    }
    each(std::move(record));
  }
}

std::vector<TargetRecord> collect(SQLite::Database& db, SQLite::Statement& select, bool with_refs) {
  std::vector<TargetRecord> out;
  each_record(db, select, with_refs,
              [&](TargetRecord&& record) { out.push_back(std::move(record)); });
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
                         const std::function<void(TargetRecord&&)>& each) {
  SQLite::Statement s(
      db, check_select("WHERE checks.run_id = ?1 AND (?2 = 0 OR checks.problem = 1) "
                       "AND (?3 = '' OR checks.verdict = ?3) AND (?4 = '' OR targets.host = ?4) "
                       "AND (?5 = '' OR EXISTS (SELECT 1 FROM refs JOIN sources "
                       "ON sources.id = refs.source_id WHERE refs.target_id = checks.target_id "
                       "AND sources.community = ?5)) ORDER BY targets.host, targets.url"));
  s.bind(1, run_id);
  s.bind(2, filter.problems_only ? 1 : 0);
  s.bind(3, filter.verdict ? std::string(to_string(*filter.verdict)) : std::string());
  s.bind(4, filter.host);
  s.bind(5, filter.community);
  each_record(db, s, true, each);
}

std::vector<TargetRecord> run_targets(SQLite::Database& db, std::int64_t run_id,
                                      const TargetFilter& filter) {
  std::vector<TargetRecord> out;
  for_each_run_target(db, run_id, filter,
                      [&](TargetRecord&& record) { out.push_back(std::move(record)); });
  return out;
}

std::vector<TargetRecord> new_problems(SQLite::Database& db, std::int64_t run_id) {
  SQLite::Statement s(
      db, check_select("WHERE checks.run_id = ?1 AND checks.problem = 1 AND checks.confirmed = 1 "
                       "AND NOT EXISTS (SELECT 1 FROM checks p WHERE p.run_id = ?2 "
                       "AND p.target_id = checks.target_id AND p.problem = 1 "
                       "AND p.confirmed = 1) ORDER BY targets.host, targets.url"));
  s.bind(1, run_id);
  s.bind(2, previous_crawl_id(db, run_id));
  return collect(db, s, true);
}

std::vector<TargetRecord> fixed_targets(SQLite::Database& db, std::int64_t run_id) {
  SQLite::Statement s(
      db, check_select("WHERE checks.run_id = ?1 AND checks.verdict IN (" + verdict_list(is_ok) +
                       ") AND EXISTS (SELECT 1 FROM checks p WHERE p.run_id = ?2 "
                       "AND p.target_id = checks.target_id AND p.problem = 1) "
                       "ORDER BY targets.host, targets.url"));
  s.bind(1, run_id);
  s.bind(2, previous_crawl_id(db, run_id));
  return collect(db, s, true);
}

std::vector<TargetRecord> timeline(SQLite::Database& db, const std::string& slug_or_url) {
  SQLite::Statement s(
      db, check_select("WHERE checks.target_id IN (SELECT id FROM targets WHERE url = ?1 "
                       "UNION SELECT target_id FROM refs WHERE slug = ?1) "
                       "ORDER BY targets.url, checks.id"));
  s.bind(1, slug_or_url);
  return collect(db, s, false);
}

SQLite::Statement prepare_last_check(SQLite::Database& db, bool informative_only) {
  SQLite::Statement s(
      db, check_select("WHERE targets.url = ?1 AND (?2 = 0 OR checks.verdict IN (" +
                       verdict_list(is_informative) + ")) ORDER BY checks.id DESC LIMIT 1"));
  s.bind(2, informative_only ? 1 : 0);
  return s;
}

std::optional<CheckRecord> last_check(SQLite::Statement& prepared, const std::string& url) {
  prepared.reset();  // bindings stay: ?2 was set by prepare_last_check
  prepared.bind(1, url);
  std::optional<CheckRecord> found;
  if (prepared.executeStep()) found = read_record(prepared);
  prepared.reset();  // ends the read so it holds no snapshot between calls
  return found;
}

std::optional<CheckRecord> last_check(SQLite::Database& db, const std::string& url,
                                      bool informative_only) {
  SQLite::Statement s = prepare_last_check(db, informative_only);
  return last_check(s, url);
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
