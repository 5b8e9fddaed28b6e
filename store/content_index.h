#pragma once
// What a crawl asks of the content it recorded, so it can drop the scan before fetching: the
// targets to fetch, and per result the references and curated records that drift compares.
// Reading these back per target keeps a crawl's memory growing with the targets alone.

#include <cstdint>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "store/records.h"

namespace linkhealth {

/// One target cited by the recorded content.
struct ContentTarget {
  std::string url;
  std::string host;
};

/// The targets cited by the files crawl run `run_id` saw (after finish_sources), by URL.
std::vector<ContentTarget> content_targets(SQLite::Database& db, std::int64_t run_id);

/// The columns read_ref expects, in order, for a query joining refs with sources.
extern const char* const kRefColumns;

/// One reference row selected with kRefColumns as its first columns.
RefRecord read_ref(SQLite::Statement& row);

/// What a crawl result needs of one reference to its target: who cites it, from which field,
/// and the curated record drift compares with. (RefRecord is the report's fuller row.)
struct CitingRef {
  std::string slug;
  std::string file;
  std::string field;
  std::string title;        ///< curated title of the source
  std::string description;  ///< curated description of the source
};

/// The references to one target with their sources' curated records, in file order and, within a
/// file, in the order the scan found them. The statement is prepared once: a crawl asks for every
/// result, so it reads only the columns the recorder uses.
class CitingRefs {
 public:
  explicit CitingRefs(SQLite::Database& db);
  std::vector<CitingRef> of(const std::string& url);

 private:
  SQLite::Statement select_;
};

}  // namespace linkhealth
