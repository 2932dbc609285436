// The `.tablemap` project file (SQLite). Every table of a snapshot is kept as
// text: one CSV header line and one CSV line per row with its position, so
// unknown columns survive and the codec checks a project exactly like a
// bundle. Saves never write into the user's file: they copy it (SQLite backup
// API) to a temporary file in the same folder, change the copy in one
// transaction, fsync it, rename it over the file and fsync the folder. A save
// killed at any moment leaves the old file whole. Layout: docs/project-file.md.
#include "io/project_file.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
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

constexpr int kSchemaVersion = 3;
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
    // 2 -> 3: each table's text exactly as its CSV file had it, so that a
    // bundle through a project file comes back byte for byte: the header and
    // every row keep their line end (and the skipped lines before them), the
    // table its byte-order mark and the lines after its last row.
    "ALTER TABLE table_headers ADD COLUMN bom INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE table_headers ADD COLUMN trailer TEXT NOT NULL DEFAULT '';"
    "UPDATE table_headers SET header = header || char(10);"
    "UPDATE table_rows SET cells = cells || char(10);",
};

// A problem with the file as a whole, in the user's words.
struct ProjectError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Database {
 public:
  Database(const std::string& path, int flags) {
    int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
      std::string message = std::string("cannot open the project file: ") + sqlite3_errstr(rc);
      sqlite3_close_v2(db_);
      throw ProjectError(message);
    }
    sqlite3_busy_timeout(db_, 5000);
  }
  ~Database() { sqlite3_close_v2(db_); }
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  sqlite3* get() const { return db_; }

  void exec(const char* sql) {
    int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) fail(rc, "cannot read or write the project file");
  }
  int pragma_int(const char* sql);

  [[noreturn]] void fail(int rc, const char* what) const {
    rc &= 0xff;
    if (rc == SQLITE_NOTADB) throw ProjectError("this is not a tablemap project file");
    if (rc == SQLITE_CORRUPT) throw ProjectError("the project file is damaged (" + std::string(errmsg()) + ")");
    throw ProjectError(std::string(what) + ": " + errmsg());
  }

 private:
  const char* errmsg() const { return db_ ? sqlite3_errmsg(db_) : "out of memory"; }
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

// Opens an existing project file for reading.
std::unique_ptr<Database> open_for_reading(const std::string& path, int* schema = nullptr) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    throw ProjectError(errno == ENOENT ? "there is no such project file" : "cannot open the project file: " +
                                                                                std::string(std::strerror(errno)));
  if (S_ISDIR(st.st_mode)) throw ProjectError("this is a folder, not a tablemap project file");
  if (st.st_size == 0) throw ProjectError("this is not a tablemap project file (it is empty)");
  auto db = std::make_unique<Database>(path, SQLITE_OPEN_READONLY);
  int s = check_project(*db);
  if (schema) *schema = s;
  return db;
}

std::vector<int> years_in(Database& db) {
  std::vector<int> years;
  Statement s(db, "SELECT year FROM snapshots ORDER BY year");
  while (s.step()) years.push_back(int(s.integer(0)));
  return years;
}

// The year a request names: 0 = the latest; a year the file lacks is an error.
int resolve_year(Database& db, int year) {
  std::vector<int> years = years_in(db);
  if (years.empty()) throw ProjectError("the project file holds no snapshot yet");
  if (year == 0) return years.back();
  for (int y : years)
    if (y == year) return y;
  std::string held;
  for (int y : years) held += (held.empty() ? "" : ", ") + std::to_string(y);
  throw ProjectError("the project file has no snapshot of " + std::to_string(year) + "; it holds " + held);
}

// Reads one table of a snapshot back into a RowTable; nullopt when the snapshot has none.
// `schema`: the file's; before 3, lines were kept without their line ends
// (files are read without being migrated: reading never writes).
std::optional<RowTable> read_table(Database& db, int schema, int year, TableName t, const std::string& label,
                                   Problems& problems) {
  const bool with_ends = schema >= 3;
  Statement head(db, with_ends ? "SELECT header, bom, trailer FROM table_headers WHERE year = ? AND table_name = ?"
                               : "SELECT header, 0, '' FROM table_headers WHERE year = ? AND table_name = ?");
  head.bind(1, int64_t(year)).bind(2, to_string(t));
  if (!head.step()) return std::nullopt;
  // The file's text as it was: its lines are the lines a bundle would have.
  std::string text = head.integer(1) ? "\xEF\xBB\xBF" : "";
  text += head.text(0);
  if (!with_ends) text += '\n';
  std::string trailer(head.text(2));
  Statement rows(db, "SELECT cells FROM table_rows WHERE year = ? AND table_name = ? ORDER BY position");
  rows.bind(1, int64_t(year)).bind(2, to_string(t));
  while (rows.step()) {
    text += rows.text(0);
    if (!with_ends) text += '\n';
  }
  text += trailer;
  RowTable table;
  parse_csv(std::move(text), label, table, problems);
  return table;
}

// Inserts a table's rows into a snapshot as the text of its CSV file: each
// row with its line end, in the table's own dialect.
class SnapshotSink : public RowSink {
 public:
  SnapshotSink(Database& db, int year, TableName table)
      : year_(year), table_(table),
        header_(db, "INSERT INTO table_headers(year, table_name, header, bom, trailer) VALUES(?, ?, ?, ?, '')"),
        trailer_(db, "UPDATE table_headers SET trailer = ? WHERE year = ? AND table_name = ?"),
        row_(db, "INSERT INTO table_rows(year, table_name, position, cells) VALUES(?, ?, ?, ?)") {}

  void header(const std::vector<std::string_view>& names, const TableLayout& layout) override {
    separator_ = layout.separator;
    line_end_ = layout.line_end;
    std::string text = layout.header_text;
    if (text.empty()) append_csv_row(text, names, separator_, line_end_);
    header_.bind(1, int64_t(year_)).bind(2, to_string(table_)).bind(3, std::string_view(text)).bind(4, int64_t(layout.bom));
    header_.run();
  }
  void row(const std::vector<std::string_view>& cells, std::string_view skipped, std::string_view text) override {
    line_.assign(skipped);
    if (!text.empty()) line_.append(text);
    else append_csv_row(line_, cells, separator_, line_end_);
    row_.bind(1, int64_t(year_)).bind(2, to_string(table_)).bind(3, int64_t(position_++)).bind(4, std::string_view(line_));
    row_.run();
  }
  void end(std::string_view trailer) override {
    if (trailer.empty()) return;
    trailer_.bind(1, trailer).bind(2, int64_t(year_)).bind(3, to_string(table_));
    trailer_.run();
  }

 private:
  int year_;
  TableName table_;
  Statement header_, trailer_, row_;
  std::string line_;
  char separator_ = ',';
  std::string line_end_ = "\n";
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

// Removes temporary files of saves whose process is gone (killed mid-save).
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

// Applies `change` to a copy of the project file (a new one when `path` does
// not exist yet) in one transaction, then puts the copy in its place.
void change_project(const std::string& path, bool must_exist, const std::function<void(Database&)>& change) {
  auto [dir, base] = split_path(path);
  struct stat st {};
  bool exists = ::stat(path.c_str(), &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) throw ProjectError("this is a folder, not a tablemap project file");
  if (!exists && must_exist) throw ProjectError("there is no such project file");
  bool copy_existing = exists && st.st_size > 0;

  remove_stale_temporaries(dir, base);
  static std::atomic<int> counter{0};
  std::string temporary =
      dir + "/" + temporary_prefix(base) + std::to_string(getpid()) + "-" + std::to_string(counter++);
  int fd = ::open(temporary.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0) throw ProjectError("cannot create a file in " + dir + ": " + std::strerror(errno));
  if (exists) (void)::fchmod(fd, st.st_mode & 07777);
  ::close(fd);

  try {
    {
      Database db(temporary, SQLITE_OPEN_READWRITE);
      // The copy is thrown away unless it is complete, so it needs no journal.
      db.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;");
      if (copy_existing) {
        Database source(path, SQLITE_OPEN_READONLY);
        check_project(source);
        sqlite3_backup* backup = sqlite3_backup_init(db.get(), "main", source.get(), "main");
        if (!backup) db.fail(sqlite3_errcode(db.get()), "cannot copy the project file");
        int rc = sqlite3_backup_step(backup, -1);
        sqlite3_backup_finish(backup);
        if (rc != SQLITE_DONE) source.fail(rc, "cannot copy the project file");
      }
      db.exec("BEGIN IMMEDIATE");
      int schema = db.pragma_int("PRAGMA user_version");
      if (schema == 0) db.exec(("PRAGMA application_id = " + std::to_string(kApplicationId)).c_str());
      for (int v = schema; v < kSchemaVersion; ++v) db.exec(kMigrations[v]);
      db.exec(("PRAGMA user_version = " + std::to_string(kSchemaVersion)).c_str());
      change(db);
      db.exec("COMMIT");
    }
    fsync_path(temporary, O_RDONLY);
    if (::rename(temporary.c_str(), path.c_str()) != 0)
      throw ProjectError("cannot replace the project file: " + std::string(std::strerror(errno)));
    fsync_path(dir, O_RDONLY | O_DIRECTORY);
  } catch (...) {
    ::unlink(temporary.c_str());
    throw;
  }
}

}  // namespace

LoadResult load_project(const std::string& path, int year) {
  LoadResult result;
  RawCommunity raw;
  try {
    int schema = 0;
    auto db = open_for_reading(path, &schema);
    year = resolve_year(*db, year);
    std::string prefix = path + ":" + std::to_string(year) + "/";
    raw.profile_file = prefix + "community.json";
    {
      Statement s(*db, "SELECT profile FROM snapshots WHERE year = ?");
      s.bind(1, int64_t(year));
      if (s.step()) raw.profile_text = s.text(0);
    }
    for (TableName t : kAllTables) {
      auto table = read_table(*db, schema, year, t, prefix + std::string(file_name_of(t)), result.problems);
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
          .bind(2, std::string_view(profile_text(community.profile)))
          .bind(3, std::string_view(now_utc()));
      snapshot.run();
      Statement clear_headers(db, "DELETE FROM table_headers WHERE year = ?");
      clear_headers.bind(1, int64_t(year)).run();
      Statement clear_rows(db, "DELETE FROM table_rows WHERE year = ?");
      clear_rows.bind(1, int64_t(year)).run();
      for (TableName t : kAllTables) {
        if (table_is_absent(community, t)) continue;
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
