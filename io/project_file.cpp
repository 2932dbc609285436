// The `.tablemap` project file (SQLite). Every table of a snapshot is kept as
// text: one CSV header line and one CSV line per row with its position, so
// unknown columns survive and the codec checks a project exactly like a
// bundle. A save is one SQLite transaction on the file itself, so SQLite's
// atomic commit (its rollback journal, or the write-ahead log when another
// program put the file in WAL mode) leaves the old file whole when a save is
// killed; the next open rolls the half-done save back. A file that fails
// SQLite's integrity check is refused, never saved into. Layout:
// docs/project-file.md.
#include "io/project_file.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>

#include <sqlite3.h>

#include "io/csv.hpp"
#include "io/load.hpp"

namespace tablemap {
namespace {

constexpr int kSchemaVersion = 2;
constexpr int kApplicationId = 0x544D4150;  // "TMAP" in the SQLite header: marks our files

// Migration i takes a file from schema i to schema i + 1.
const char* const kMigrations[kSchemaVersion] = {
    // 0 -> 1: snapshots, each with its tables as CSV text lines.
    "CREATE TABLE snapshots(year INTEGER PRIMARY KEY, profile TEXT NOT NULL, saved_at TEXT NOT NULL);"
    "CREATE TABLE table_headers(year INTEGER NOT NULL, table_name TEXT NOT NULL, header TEXT NOT NULL,"
    "  PRIMARY KEY(year, table_name)) WITHOUT ROWID;"
    "CREATE TABLE table_rows(year INTEGER NOT NULL, table_name TEXT NOT NULL, position INTEGER NOT NULL,"
    "  cells TEXT NOT NULL, PRIMARY KEY(year, table_name, position)) WITHOUT ROWID;",
    // 1 -> 2: map positions per snapshot.
    "CREATE TABLE positions(year INTEGER NOT NULL, organization TEXT NOT NULL, x REAL NOT NULL,"
    "  y REAL NOT NULL, pinned INTEGER NOT NULL DEFAULT 0, PRIMARY KEY(year, organization)) WITHOUT ROWID;",
};

// A problem with the file as a whole, in the user's words.
struct ProjectError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// A read-only connection met a save that was cut off (a hot journal) or a
// write-ahead log it cannot open by itself: reading needs write access.
struct NeedsRecovery : ProjectError {
  using ProjectError::ProjectError;
};

// A damaged file, in the words of what the user can do about it: a save
// never writes into one, and a rescue copies what can be read elsewhere.
enum class Doing { reading, saving };
std::string damaged(const std::string& path, std::string_view detail, Doing doing) {
  std::string message = "the project file is damaged (" + std::string(detail) + "); ";
  if (doing == Doing::saving)
    return message + "tablemap does not save into a damaged file, so nothing was written. Save the community "
                     "as a new file instead (tablemap convert IN new.tablemap), and keep the damaged file as it is";
  return message + "tablemap does not read a damaged file. Keep it as it is and rescue what can be read into a "
                   "new file: sqlite3 " + path + " \"VACUUM INTO 'rescued.tablemap'\"";
}

class Database {
 public:
  Database(const std::string& path, int flags) : path_(path) {
    int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
      std::string message = std::string("cannot open the project file: ") + sqlite3_errstr(rc);
      sqlite3_close_v2(db_);
      throw ProjectError(message);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, 5000);
  }
  ~Database() { sqlite3_close_v2(db_); }
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  sqlite3* get() const { return db_; }
  const std::string& path() const { return path_; }

  void exec(const char* sql) {
    int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) fail(rc, "cannot read or write the project file");
  }
  int pragma_int(const char* sql);

  [[noreturn]] void fail(int rc, const char* what) const;

 private:
  const char* errmsg() const { return db_ ? sqlite3_errmsg(db_) : "out of memory"; }
  std::string path_;  // as the user named it
  sqlite3* db_ = nullptr;
};

class Statement {
 public:
  Statement(Database& db, const char* sql) : db_(db) {
    int rc = sqlite3_prepare_v2(db.get(), sql, -1, &stmt_, nullptr);
    if (rc != SQLITE_OK) db.fail(rc, "cannot read the project file");
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int i, int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  Statement& bind(int i, double v) {
    sqlite3_bind_double(stmt_, i, v);
    return *this;
  }
  Statement& bind(int i, std::string_view v) {
    sqlite3_bind_text(stmt_, i, v.data(), int(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  // True while there is a row to read.
  bool step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    db_.fail(rc, "cannot read or write the project file");
  }
  void run() {
    step();
    sqlite3_reset(stmt_);
  }
  void reset() { sqlite3_reset(stmt_); }
  int64_t integer(int col) const { return sqlite3_column_int64(stmt_, col); }
  double real(int col) const { return sqlite3_column_double(stmt_, col); }
  std::string_view text(int col) const {
    auto p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string_view(p, size_t(sqlite3_column_bytes(stmt_, col))) : std::string_view{};
  }

 private:
  Database& db_;
  sqlite3_stmt* stmt_ = nullptr;
};

void Database::fail(int rc, const char* what) const {
  int base = rc & 0xff;
  if (base == SQLITE_NOTADB) throw ProjectError("this is not a tablemap project file");
  if (base == SQLITE_CORRUPT) throw ProjectError(damaged(path_, errmsg(), Doing::reading));
  if (base == SQLITE_BUSY)
    throw ProjectError("another program is writing the project file; try again when it has finished");
  if (rc == SQLITE_READONLY_ROLLBACK || rc == SQLITE_READONLY_RECOVERY || rc == SQLITE_READONLY_CANTINIT ||
      rc == SQLITE_READONLY_CANTLOCK || base == SQLITE_CANTOPEN)
    throw NeedsRecovery(std::string(what) + ": " + errmsg());
  throw ProjectError(std::string(what) + ": " + errmsg());
}

int Database::pragma_int(const char* sql) {
  Statement s(*this, sql);
  return s.step() ? int(s.integer(0)) : 0;
}

// Checks that the file is ours and not too new; returns its schema version.
int check_project(Database& db) {
  int app = db.pragma_int("PRAGMA application_id");
  int schema = db.pragma_int("PRAGMA user_version");
  if (app != kApplicationId || schema == 0) throw ProjectError("this is not a tablemap project file");
  if (schema > kSchemaVersion)
    throw ProjectError("project file was written by a newer tablemap (schema " + std::to_string(schema) +
                       "); this version reads up to " + std::to_string(kSchemaVersion));
  return schema;
}

// SQLite's quick check of every page of the file (all snapshots); O(file size).
void check_integrity(Database& db, Doing doing) {
  Statement s(db, "PRAGMA quick_check(3)");
  std::string findings;
  while (s.step()) {
    if (s.text(0) == "ok") return;
    findings += (findings.empty() ? "" : "; ") + std::string(s.text(0));
  }
  throw ProjectError(damaged(db.path(), "SQLite's integrity check reports: " + findings, doing));
}

// Opens an existing project file for reading, and checks it is whole.
std::unique_ptr<Database> open_for_reading(const std::string& path, int* schema = nullptr) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    throw ProjectError(errno == ENOENT ? "there is no such project file" : "cannot open the project file: " +
                                                                                std::string(std::strerror(errno)));
  if (S_ISDIR(st.st_mode)) throw ProjectError("this is a folder, not a tablemap project file");
  if (st.st_size == 0) throw ProjectError("this is not a tablemap project file (it is empty)");
  auto open = [&](int flags) {
    auto db = std::make_unique<Database>(path, flags);
    int s = check_project(*db);
    if (schema) *schema = s;
    return db;
  };
  std::unique_ptr<Database> db;
  try {
    db = open(SQLITE_OPEN_READONLY);
  } catch (const NeedsRecovery&) {
    // A save was cut off (SQLite rolls it back on a writable open), or
    // another program left the file in WAL mode: neither changes what it holds.
    if (::access(path.c_str(), W_OK) != 0)
      throw ProjectError("a save of this project file was cut off, and undoing it needs write access to the file "
                         "and its folder; make them writable and open it again");
    db = open(SQLITE_OPEN_READWRITE);
  }
  check_integrity(*db, Doing::reading);
  return db;
}

std::vector<int> years_in(Database& db) {
  std::vector<int> years;
  Statement s(db, "SELECT year FROM snapshots ORDER BY year");
  while (s.step()) years.push_back(int(s.integer(0)));
  return years;
}

std::string years_list(const std::vector<int>& years) {
  std::string held;
  for (int y : years) held += (held.empty() ? "" : ", ") + std::to_string(y);
  return held;
}

// The year a request names: 0 = the latest; a year the file lacks is an error.
int resolve_year(Database& db, int year) {
  std::vector<int> years = years_in(db);
  if (years.empty()) throw ProjectError("the project file holds no snapshot yet");
  if (year == 0) return years.back();
  for (int y : years)
    if (y == year) return y;
  throw ProjectError("the project file has no snapshot of " + std::to_string(year) + "; it holds " +
                     years_list(years));
}

std::string csv_line(const std::vector<std::string_view>& cells) {
  std::string line;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) line += ',';
    append_csv_cell(line, cells[i]);
  }
  return line;
}

// Reads one table of a snapshot back into a RowTable; nullopt when the snapshot has none.
std::optional<RowTable> read_table(Database& db, int year, TableName t, const std::string& label,
                                   Problems& problems) {
  Statement head(db, "SELECT header FROM table_headers WHERE year = ? AND table_name = ?");
  head.bind(1, int64_t(year)).bind(2, to_string(t));
  if (!head.step()) return std::nullopt;
  std::string text(head.text(0));
  text += '\n';
  Statement rows(db, "SELECT cells FROM table_rows WHERE year = ? AND table_name = ? ORDER BY position");
  rows.bind(1, int64_t(year)).bind(2, to_string(t));
  while (rows.step()) {
    text += rows.text(0);
    text += '\n';
  }
  RowTable table;
  parse_csv(std::move(text), label, table, problems);
  // Line N is row N - 1, as in the CSV file a convert to a bundle would write.
  table.header_line = 1;
  for (size_t i = 0; i < table.lines.size(); ++i) table.lines[i] = uint32_t(i + 2);
  return table;
}

// Inserts a table's rows into a snapshot, as the codec encodes them.
class SnapshotSink : public RowSink {
 public:
  SnapshotSink(Database& db, int year, TableName table)
      : year_(year), table_(table), header_(db, "INSERT INTO table_headers(year, table_name, header) VALUES(?, ?, ?)"),
        row_(db, "INSERT INTO table_rows(year, table_name, position, cells) VALUES(?, ?, ?, ?)") {}

  void header(const std::vector<std::string_view>& names) override {
    header_.bind(1, int64_t(year_)).bind(2, to_string(table_)).bind(3, std::string_view(csv_line(names)));
    header_.run();
  }
  void row(const std::vector<std::string_view>& cells) override {
    line_.clear();
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i) line_ += ',';
      append_csv_cell(line_, cells[i]);
    }
    row_.bind(1, int64_t(year_)).bind(2, to_string(table_)).bind(3, int64_t(position_++)).bind(4, std::string_view(line_));
    row_.run();
  }

 private:
  int year_;
  TableName table_;
  Statement header_, row_;
  std::string line_;
  int64_t position_ = 0;
};

std::string now_utc() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// ---------------------------------------------------------------- atomic change

std::pair<std::string, std::string> split_path(const std::string& path) {
  auto slash = path.find_last_of('/');
  if (slash == std::string::npos) return {".", path};
  return {slash == 0 ? "/" : path.substr(0, slash), path.substr(slash + 1)};
}

std::string temporary_prefix(const std::string& base) { return "." + base + ".saving-"; }

// Removes temporary files of first saves whose process is gone (killed
// mid-save), and those of older tablemaps, which built every save in a copy.
void remove_stale_temporaries(const std::string& dir, const std::string& base) {
  DIR* d = opendir(dir.c_str());
  if (!d) return;
  std::string prefix = temporary_prefix(base);
  while (dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (name.compare(0, prefix.size(), prefix) != 0) continue;
    long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
    if (pid <= 0 || pid == long(getpid())) continue;
    if (kill(pid_t(pid), 0) == -1 && errno == ESRCH) ::unlink((dir + "/" + name).c_str());
  }
  closedir(d);
}

void fsync_path(const std::string& path, int flags) {
  int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) throw ProjectError("cannot open " + path + ": " + std::strerror(errno));
  int rc = ::fsync(fd);
  int err = errno;
  ::close(fd);
  if (rc != 0) throw ProjectError("cannot flush " + path + " to disk: " + std::strerror(err));
}

// Inside an open write transaction: makes the file a tablemap project of the
// current schema (a new, empty file is initialized; an older one migrated).
void prepare_schema(Database& db) {
  // An empty database has no schema and no marks (a write transaction gives
  // it a first page, so its size says nothing).
  const bool empty = db.pragma_int("SELECT count(*) FROM sqlite_schema") == 0 &&
                     db.pragma_int("PRAGMA user_version") == 0 && db.pragma_int("PRAGMA application_id") == 0;
  if (!empty) {
    check_project(db);
    check_integrity(db, Doing::saving);
  }
  int schema = db.pragma_int("PRAGMA user_version");
  if (schema == 0) db.exec(("PRAGMA application_id = " + std::to_string(kApplicationId)).c_str());
  for (int v = schema; v < kSchemaVersion; ++v) db.exec(kMigrations[v]);
  db.exec(("PRAGMA user_version = " + std::to_string(kSchemaVersion)).c_str());
}

// Runs `change` in one write transaction on an open file: SQLite's own atomic
// commit (its rollback journal, or the write-ahead log of a file another
// program put in WAL mode) keeps the file whole if the process dies.
void change_in_transaction(Database& db, const std::function<void(Database&)>& change) {
  // FULL: the commit is on disk before the save reports success, in either journal mode.
  db.exec("PRAGMA synchronous = FULL");
  db.exec("BEGIN IMMEDIATE");
  try {
    prepare_schema(db);
    change(db);
    db.exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db.get(), "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

// A project file that does not exist yet is built beside it and moved into
// place only when whole, so a killed first save leaves no file at all.
// Returns false when another program created the file meanwhile.
bool create_project(const std::string& path, const std::function<void(Database&)>& change) {
  auto [dir, base] = split_path(path);
  // Journals beside a missing file belong to no database: left in place they
  // would be replayed into the new one.
  for (const char* suffix : {"-journal", "-wal", "-shm"}) ::unlink((path + suffix).c_str());
  static std::atomic<int> counter{0};
  std::string temporary =
      dir + "/" + temporary_prefix(base) + std::to_string(getpid()) + "-" + std::to_string(counter++);
  try {
    {
      Database db(temporary, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXCLUSIVE);
      // The temporary is thrown away unless it is complete, so it needs no journal.
      db.exec("PRAGMA journal_mode = OFF");
      change_in_transaction(db, change);
    }
    fsync_path(temporary, O_RDONLY);
    if (::renameat2(AT_FDCWD, temporary.c_str(), AT_FDCWD, path.c_str(), RENAME_NOREPLACE) != 0) {
      if (errno == EEXIST) {
        ::unlink(temporary.c_str());
        return false;
      }
      throw ProjectError("cannot create the project file: " + std::string(std::strerror(errno)));
    }
    fsync_path(dir, O_RDONLY | O_DIRECTORY);
  } catch (...) {
    ::unlink(temporary.c_str());
    throw;
  }
  return true;
}

// Every write to a project file goes through here: `change` runs in one
// transaction on the file itself (a new file: on a file built beside it).
void change_project(const std::string& path, bool must_exist, const std::function<void(Database&)>& change) {
  struct stat st {};
  bool exists = ::stat(path.c_str(), &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) throw ProjectError("this is a folder, not a tablemap project file");
  if (!exists && must_exist) throw ProjectError("there is no such project file");
  auto [dir, base] = split_path(path);
  remove_stale_temporaries(dir, base);
  if (!exists && create_project(path, change)) return;
  Database db(path, SQLITE_OPEN_READWRITE);
  change_in_transaction(db, change);
}

}  // namespace

LoadResult load_project(const std::string& path, int year) {
  LoadResult result;
  RawCommunity raw;
  try {
    auto db = open_for_reading(path);
    year = resolve_year(*db, year);
    std::string prefix = path + ":" + std::to_string(year) + "/";
    raw.profile_file = prefix + "community.json";
    {
      Statement s(*db, "SELECT profile FROM snapshots WHERE year = ?");
      s.bind(1, int64_t(year));
      if (s.step()) raw.profile_text = s.text(0);
    }
    for (TableName t : kAllTables) {
      auto table = read_table(*db, year, t, prefix + std::string(file_name_of(t)), result.problems);
      if (t == TableName::organizations) {
        if (!table) throw ProjectError("the snapshot of " + std::to_string(year) + " has no organizations table");
        raw.organizations = std::move(*table);
      }
      if (t == TableName::people) raw.people = std::move(table);
      if (t == TableName::ties) raw.ties = std::move(table);
      if (t == TableName::roles) raw.roles = std::move(table);
    }
  } catch (const ProjectError& e) {
    result.problems.push_back({path, 0, e.what()});
    return result;
  }
  if (!result.problems.empty()) return result;
  return decode_community(raw);
}

std::vector<int> project_years(const std::string& path, Problems& problems) {
  try {
    auto db = open_for_reading(path);
    return years_in(*db);
  } catch (const ProjectError& e) {
    problems.push_back({path, 0, e.what()});
    return {};
  }
}

void save_project(const Community& community, const std::string& path) {
  int year = community.profile.year;
  if (year <= 0)
    throw SaveError("cannot save " + path + ": the community has no year; set \"year\" in its community profile");
  try {
    change_project(path, false, [&](Database& db) {
      Statement snapshot(db,
                         "INSERT INTO snapshots(year, profile, saved_at) VALUES(?, ?, ?) ON CONFLICT(year) DO "
                         "UPDATE SET profile = excluded.profile, saved_at = excluded.saved_at");
      snapshot.bind(1, int64_t(year))
          .bind(2, std::string_view(profile_to_json(community.profile).dump(2)))
          .bind(3, std::string_view(now_utc()));
      snapshot.run();
      Statement clear_headers(db, "DELETE FROM table_headers WHERE year = ?");
      clear_headers.bind(1, int64_t(year)).run();
      Statement clear_rows(db, "DELETE FROM table_rows WHERE year = ?");
      clear_rows.bind(1, int64_t(year)).run();
      for (TableName t : kAllTables) {
        SnapshotSink sink(db, year, t);
        encode_table(community, t, sink);
      }
    });
  } catch (const ProjectError& e) {
    throw SaveError("cannot save " + path + ": " + e.what());
  }
}

std::vector<NodePosition> load_positions(const std::string& path, int year) {
  std::vector<NodePosition> positions;
  try {
    int schema = 0;
    auto db = open_for_reading(path, &schema);
    if (schema < 2) return positions;  // files of schema 1 have no positions yet
    year = resolve_year(*db, year);
    Statement s(*db, "SELECT organization, x, y, pinned FROM positions WHERE year = ? ORDER BY organization");
    s.bind(1, int64_t(year));
    while (s.step()) positions.push_back({std::string(s.text(0)), s.real(1), s.real(2), s.integer(3) != 0});
  } catch (const ProjectError&) {
    positions.clear();  // a map without saved positions lays itself out again
  }
  return positions;
}

void save_positions(const std::string& path, int year, const std::vector<NodePosition>& positions) {
  try {
    change_project(path, true, [&](Database& db) {
      int y = resolve_year(db, year);
      Statement clear(db, "DELETE FROM positions WHERE year = ?");
      clear.bind(1, int64_t(y)).run();
      Statement insert(db, "INSERT OR REPLACE INTO positions(year, organization, x, y, pinned) VALUES(?, ?, ?, ?, ?)");
      for (const NodePosition& p : positions) {
        insert.bind(1, int64_t(y)).bind(2, std::string_view(p.organization)).bind(3, p.x).bind(4, p.y);
        insert.bind(5, int64_t(p.pinned ? 1 : 0));
        insert.run();
      }
    });
  } catch (const ProjectError& e) {
    throw SaveError("cannot save positions in " + path + ": " + e.what());
  }
}

}  // namespace tablemap
