#pragma once
// Opening a linkhealth database: connection settings and versioned migrations.
//
// The schema version lives in PRAGMA user_version. Each migration runs once, in order, inside
// one IMMEDIATE transaction together with the version bump, so a killed migration leaves the
// previous version intact and two processes opening the same file never both migrate.

#include <filesystem>

#include <SQLiteCpp/Database.h>

namespace linkhealth {

/// The version this build writes. Older databases are migrated on open; a newer one is an
/// error (an older linkhealth must not write a schema it does not know).
inline constexpr int kSchemaVersion = 5;
/// How long a connection waits for another writer before SQLITE_BUSY.
inline constexpr int kBusyTimeoutMs = 15000;

/// Opens (creating if needed) the database at `path` (":memory:" for tests) with WAL,
/// synchronous=NORMAL (durable across a killed process; only power loss can drop the last
/// commits), foreign keys and the busy timeout, then migrates it to kSchemaVersion.
/// Throws std::runtime_error naming the file on failure.
SQLite::Database open_database(const std::filesystem::path& path);

/// Migrates an open connection from its user_version to kSchemaVersion.
void migrate(SQLite::Database& db);

/// PRAGMA user_version of an open connection.
int schema_version(SQLite::Database& db);

}  // namespace linkhealth
