#include "store/content_writer.h"

#include <stdexcept>
#include <unordered_map>

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <nlohmann/json.hpp>

#include "extract/fnv_hash.h"

namespace linkhealth {

std::string content_hash(const Source& source) {
  FnvHash hash;
  for (const std::string* field : {&source.slug, &source.id, &source.title, &source.description,
                                   &source.brand, &source.community, &source.date, &source.kind}) {
    hash.add_field(*field);
  }
  for (const UrlField& url : source.urls) hash.add_field(url.field).add_field(url.raw);
  return hash.hex();
}

namespace {

// Upserts the sources and replaces their refs, inside the caller's transaction; returns the
// targets' ids, in order.
std::vector<std::int64_t> write_slice(SQLite::Database& db, CheckWriter& writer,
                                      std::int64_t run_id, const std::vector<Source>& sources,
                                      const std::vector<Target>& targets) {
  std::string now = utc_now();
  SQLite::Statement upsert(
      db,
      "INSERT INTO sources (slug, file, title, description, brand, community, date, kind, "
      "content_hash, first_seen_run, last_seen_run, first_seen_at, last_seen_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?11, ?11) "
      "ON CONFLICT (file) DO UPDATE SET slug = excluded.slug, title = excluded.title, "
      "description = excluded.description, brand = excluded.brand, "
      "community = excluded.community, date = excluded.date, kind = excluded.kind, "
      "content_hash = excluded.content_hash, last_seen_run = excluded.last_seen_run, "
      "last_seen_at = excluded.last_seen_at RETURNING id");
  SQLite::Statement clear_refs(db, "DELETE FROM refs WHERE source_id = ?");
  std::unordered_map<std::string, std::int64_t> source_ids;
  for (const Source& s : sources) {
    int i = 1;
    for (const std::string* v :
         {&s.slug, &s.file, &s.title, &s.description, &s.brand, &s.community, &s.date, &s.kind}) {
      upsert.bind(i++, *v);
    }
    upsert.bind(9, content_hash(s));
    upsert.bind(10, run_id);
    upsert.bind(11, now);
    upsert.executeStep();
    std::int64_t id = upsert.getColumn(0).getInt64();
    upsert.reset();
    source_ids[s.file] = id;
    clear_refs.bind(1, id);
    clear_refs.exec();
    clear_refs.reset();
  }
  SQLite::Statement insert_ref(
      db,
      "INSERT INTO refs (source_id, slug, field, raw, clean, removed, line, target_id) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  std::vector<std::int64_t> target_ids;
  target_ids.reserve(targets.size());
  for (const Target& t : targets) {
    std::int64_t target = writer.target_id(t.request_url, t.host);
    target_ids.push_back(target);
    for (const TargetRef& r : t.refs) {
      auto source = source_ids.find(r.file);
      if (source == source_ids.end()) {
        throw std::invalid_argument("record_sources: ref of " + t.request_url + " names file " +
                                    r.file + " which is not among the sources");
      }
      insert_ref.bind(1, source->second);
      insert_ref.bind(2, r.slug);
      insert_ref.bind(3, r.field);
      insert_ref.bind(4, r.raw);
      insert_ref.bind(5, r.clean);
      insert_ref.bind(6, nlohmann::json(r.removed).dump(-1, ' ', false,
                                                        nlohmann::json::error_handler_t::replace));
      insert_ref.bind(7, r.line);
      insert_ref.bind(8, target);
      insert_ref.exec();
      insert_ref.reset();
    }
  }
  return target_ids;
}

// A crawl reads the whole content tree: files it did not see were removed, so their refs go
// (the source rows stay, with last_seen_* telling when they were last there).
void prune_unseen(SQLite::Database& db, std::int64_t run_id) {
  SQLite::Statement prune(db,
                          "DELETE FROM refs WHERE source_id IN (SELECT id FROM sources WHERE "
                          "last_seen_run IS NOT ?1) AND (SELECT kind FROM runs WHERE id = ?1) = "
                          "'crawl'");
  prune.bind(1, run_id);
  prune.exec();
}

void set_target_count(SQLite::Database& db, std::int64_t run_id, std::int64_t target_count) {
  SQLite::Statement count(db, "UPDATE runs SET target_count = ? WHERE id = ?");
  count.bind(1, target_count);
  count.bind(2, run_id);
  count.exec();
}

// Runs `write` in one IMMEDIATE transaction after committing the writer's open batch.
template <class Write>
void in_content_txn(SQLite::Database& db, CheckWriter& writer, Write&& write) {
  writer.flush();
  try {
    SQLite::Transaction txn(db, SQLite::TransactionBehavior::IMMEDIATE);
    write();
    txn.commit();
  } catch (...) {
    writer.clear_cache();  // target ids from the rolled-back transaction are gone
    throw;
  }
}

}  // namespace

void write_sources(SQLite::Database& db, CheckWriter& writer, std::int64_t run_id,
                   const std::vector<Source>& sources, const std::vector<Target>& targets) {
  in_content_txn(db, writer, [&] {
    write_slice(db, writer, run_id, sources, targets);
    prune_unseen(db, run_id);
    set_target_count(db, run_id, static_cast<std::int64_t>(targets.size()));
  });
}

std::vector<std::int64_t> write_source_slice(SQLite::Database& db, CheckWriter& writer,
                                             std::int64_t run_id,
                                             const std::vector<Source>& sources,
                                             const std::vector<Target>& targets) {
  std::vector<std::int64_t> target_ids;
  in_content_txn(db, writer,
                 [&] { target_ids = write_slice(db, writer, run_id, sources, targets); });
  return target_ids;
}

std::int64_t finish_sources(SQLite::Database& db, CheckWriter& writer, std::int64_t run_id) {
  std::int64_t count = 0;
  in_content_txn(db, writer, [&] {
    prune_unseen(db, run_id);
    SQLite::Statement distinct(db,
                               "SELECT count(DISTINCT refs.target_id) FROM refs JOIN sources ON "
                               "sources.id = refs.source_id WHERE sources.last_seen_run = ?");
    distinct.bind(1, run_id);
    distinct.executeStep();
    count = distinct.getColumn(0).getInt64();
    set_target_count(db, run_id, count);
  });
  return count;
}

void write_findings(SQLite::Database& db, std::int64_t run_id, const std::vector<Finding>& findings,
                    bool replace) {
  SQLite::Transaction txn(db, SQLite::TransactionBehavior::IMMEDIATE);
  if (replace) {
    SQLite::Statement clear(db, "DELETE FROM findings WHERE run_id = ?");
    clear.bind(1, run_id);
    clear.exec();
  }
  SQLite::Statement insert(db,
                           "INSERT INTO findings (run_id, kind, slug, file, field, line, detail) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?)");
  for (const Finding& f : findings) {
    insert.bind(1, run_id);
    insert.bind(2, std::string(to_string(f.kind)));
    insert.bind(3, f.slug);
    insert.bind(4, f.file);
    insert.bind(5, f.field);
    insert.bind(6, f.line);
    insert.bind(7, f.detail);
    insert.exec();
    insert.reset();
  }
  txn.commit();
}

}  // namespace linkhealth
