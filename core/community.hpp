// The community model: a profile plus four tables (organizations, people,
// ties, roles), exactly the content of a bundle.
//
// Tables are copy-on-write: copying a Community (a snapshot for undo, or a
// what-if scenario) copies five pointers; the first edit of a shared table
// clones just that table. Rows refer to organizations by index (the vertex
// number in the network); ids are the stable keys users see and files use.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/id_table.hpp"
#include "core/vocabulary.hpp"

namespace tablemap {

using SectorId = uint16_t;     // index into Profile::sectors
using IssueAreaId = int16_t;   // index into Profile::issue_areas
using FunctionId = int16_t;    // index into Profile::backbone_functions
inline constexpr int32_t kNoOrganization = -1;
inline constexpr int16_t kNone = -1;
inline constexpr FunctionId kWholeBackbone = -1;  // a backbone claim for every function

struct IssueArea {
  std::string id;
  std::string name;
  std::vector<std::string> outcomes;
  bool operator==(const IssueArea&) const = default;
};

struct Thresholds {
  int min_per_required_sector = 1;
  double generation_ratio_floor = 0.5;
  bool operator==(const Thresholds&) const = default;
};

// community.json.
struct Profile {
  std::string name;
  Geography geography = Geography::unspecified;
  int64_t population = 0;
  int year = 0;
  // Required sectors first, then optional ones; a SectorId indexes this list.
  std::vector<std::string> sectors;
  size_t required_sector_count = 0;
  // Residents per generation, when the profile gives them.
  bool has_residents = false;
  std::array<int64_t, kGenerationCount> residents{};
  // Generations expected at a leadership table (`seated_generations`); the
  // others (children, by default) are served, never missing.
  GenerationSet seated_generations = default_seated_generations();
  std::vector<IssueArea> issue_areas;
  std::vector<std::string> backbone_functions;
  Thresholds thresholds;
  // Top-level keys tablemap does not know, kept for the round trip.
  nlohmann::json extra = nlohmann::json::object();
  // community.json as it was read (comments and all): written back as it is
  // while the profile still reads the same. Never part of the comparison.
  struct SourceText {
    std::string text;
    bool operator==(const SourceText&) const { return true; }
  } source;

  bool is_required(SectorId s) const { return s < required_sector_count; }
  // Matched as words (same_word): `Social Services` finds social_services.
  std::optional<SectorId> find_sector(std::string_view name) const;
  std::optional<IssueAreaId> find_issue_area(std::string_view id) const;
  std::optional<FunctionId> find_function(std::string_view id) const;
  int64_t total_residents() const;
  bool operator==(const Profile&) const = default;

  // The defaults of the bundle format for a profile that leaves keys out.
  static std::vector<std::string> default_required_sectors();
  static std::vector<std::string> default_optional_sectors();
  static std::vector<std::string> default_backbone_functions();
  static constexpr GenerationSet default_seated_generations() {
    return GenerationSet(((1u << kGenerationCount) - 1) & ~(1u << int(Generation::gen_alpha)));
  }
};

// Values of columns tablemap does not know, in the order of Table::extra_columns.
// Most rows have none, so a row holds one pointer (8 bytes, where a vector
// takes 24): at 4,000,000 ties that is 64 MB less. Copies deep; a row with
// no cells and one whose cells were cleared away compare equal.
class ExtraCells {
 public:
  ExtraCells() = default;
  ExtraCells(std::initializer_list<std::string> cells) { assign(std::vector<std::string>(cells)); }
  ExtraCells(std::vector<std::string> cells) { assign(std::move(cells)); }
  ExtraCells(const ExtraCells& o) : cells_(o.cells_ ? std::make_unique<std::vector<std::string>>(*o.cells_) : nullptr) {}
  ExtraCells(ExtraCells&&) noexcept = default;
  ExtraCells& operator=(const ExtraCells& o) {
    if (this != &o) cells_ = o.cells_ ? std::make_unique<std::vector<std::string>>(*o.cells_) : nullptr;
    return *this;
  }
  ExtraCells& operator=(ExtraCells&&) noexcept = default;

  size_t size() const { return cells_ ? cells_->size() : 0; }
  bool empty() const { return size() == 0; }
  std::string& operator[](size_t i) { return (*cells_)[i]; }
  const std::string& operator[](size_t i) const { return (*cells_)[i]; }
  const std::string& back() const { return cells_->back(); }
  std::string* begin() { return cells_ ? cells_->data() : nullptr; }
  std::string* end() { return cells_ ? cells_->data() + cells_->size() : nullptr; }
  const std::string* begin() const { return cells_ ? cells_->data() : nullptr; }
  const std::string* end() const { return cells_ ? cells_->data() + cells_->size() : nullptr; }
  void resize(size_t n) {
    if (n == 0) cells_.reset();
    else own().resize(n);
  }
  void reserve(size_t n) {
    if (n > 0) own().reserve(n);
  }
  template <class... Args>
  void emplace_back(Args&&... args) {
    own().emplace_back(std::forward<Args>(args)...);
  }
  bool operator==(const ExtraCells& o) const {
    return size() == o.size() && std::equal(begin(), end(), o.begin());
  }

 private:
  void assign(std::vector<std::string> cells) {
    if (cells.empty()) cells_.reset();
    else cells_ = std::make_unique<std::vector<std::string>>(std::move(cells));
  }
  std::vector<std::string>& own() {
    if (!cells_) cells_ = std::make_unique<std::vector<std::string>>();
    return *cells_;
  }
  std::unique_ptr<std::vector<std::string>> cells_;
};

// How one row was written in its file, kept so that a row nobody edited is
// written back byte for byte. Only rows the writer would not reproduce from
// their values carry one: a `Yes`, a name typed for an id, `Social Services`,
// extra quotes or spaces, blank lines before the row.
struct RowText {
  std::string text;        // the skipped lines before the row, then the row with its line end
  uint32_t row_begin = 0;  // where the row itself starts in `text`
  // The writer's cells for the row as read (known columns, in their order):
  // after an edit, a cell whose value is still this one is written as typed.
  std::vector<std::string> encoded;
  bool edited = false;     // the row's values changed since it was read
  std::string_view skipped() const { return std::string_view(text).substr(0, row_begin); }
  std::string_view row() const { return std::string_view(text).substr(row_begin); }
};

// A row's RowText, when it has one. Copies deep (8 bytes in the row: a
// 4,000,000-tie community keeps no text for rows written as the writer would)
// and always compares equal: how a row was spelled is not part of its content.
class RowSource {
 public:
  RowSource() = default;
  explicit RowSource(RowText text) : text_(std::make_unique<RowText>(std::move(text))) {}
  RowSource(const RowSource& o) : text_(o.text_ ? std::make_unique<RowText>(*o.text_) : nullptr) {}
  RowSource(RowSource&&) noexcept = default;
  RowSource& operator=(const RowSource& o) {
    if (this != &o) text_ = o.text_ ? std::make_unique<RowText>(*o.text_) : nullptr;
    return *this;
  }
  RowSource& operator=(RowSource&&) noexcept = default;
  const RowText* get() const { return text_.get(); }
  explicit operator bool() const { return bool(text_); }
  void clear() { text_.reset(); }
  // After an edit of the row's own values: cells whose value did not change
  // keep their typed spelling (`Yes`, `Social Services`, a name for an id),
  // the changed ones are written from the values; skipped lines stay.
  void mark_edited() {
    if (text_) text_->edited = true;
  }
  // The row is written from its values (its typed cells may name what no
  // longer exists, or carry what must not be written); skipped lines stay.
  void forget_row() {
    if (!text_) return;
    if (text_->row_begin == 0) text_.reset();
    else text_->text.resize(text_->row_begin);
  }
  bool operator==(const RowSource&) const { return true; }

 private:
  std::unique_ptr<RowText> text_;
};

// How a table's file was written (from the file it was read from), so that
// writing it back keeps the lead's separator, byte-order mark, line ends,
// header spellings and column order.
struct TableLayout {
  char separator = ',';
  bool bom = false;
  std::string line_end = "\n";
  std::string header_text;       // skipped lines, the header row as typed, its line end
  uint32_t header_begin = 0;     // where the header row starts in header_text
  std::vector<int32_t> columns;  // per file column: a known column's index, or -1 - the extra column's index
  std::string trailer;           // skipped lines after the last row
  bool operator==(const TableLayout&) const = default;
};

struct Organization {
  // The id comes first (IdTable's prefetch reads a row's first bytes); the
  // small fields sit together, so a row takes 136 bytes rather than 176.
  std::string id;
  std::string name;
  std::vector<SectorId> secondary_sectors{};
  std::vector<IssueAreaId> issue_areas{};
  SectorId sector = 0;
  OrgType type = OrgType::other;
  bool at_table = false;
  GenerationSet generations_served = 0;
  uint8_t blank = 0;  // cells left blank (kBlankType | kBlankAtTable): written back blank while default
  ExtraCells extra{};
  RowSource typed_text{};
  bool operator==(const Organization&) const = default;

  static constexpr uint8_t kBlankType = 1, kBlankAtTable = 2;
};

// A person's generation as typed in people.csv's `generation` column: one of
// the generations (same numbering as Generation), blank, or `unknown`.
enum class GenerationCell : uint8_t { silent, boomers, gen_x, millennials, gen_z, gen_alpha, blank, unknown };
inline GenerationCell cell_of(Generation g) { return GenerationCell(uint8_t(g)); }
inline bool names_generation(GenerationCell c) { return uint8_t(c) < kGenerationCount; }
inline constexpr int kBirthYearUnknown = -1;  // birth_year typed as `unknown`

// A person keeps what was typed (the *_cell fields and birth_year, written
// back as they are) apart from what is derived from them and from the
// organization (generation, generation_known, sector, at_table: the effective
// values every analysis reads). derive_people() recomputes the derived ones;
// the reader and every edit call it, so that correcting a birth year or moving
// an organization to another sector carries through to its people.
struct Person {
  std::string id;
  std::string name;
  int32_t organization = kNoOrganization;
  // As typed.
  int birth_year = 0;  // 0: blank; kBirthYearUnknown: `unknown`
  GenerationCell generation_cell = GenerationCell::blank;
  std::optional<SectorId> sector_cell;  // nullopt: the organization's sector
  std::optional<bool> at_table_cell;    // nullopt: the organization's at_table
  // Derived. generation_known is false when neither the birth year nor the
  // generation is known: the person counts as a person, but in no generation
  // share (generation then holds no meaning). It defaults to true so that
  // code building people directly (generators, tests) need not set it.
  Generation generation = Generation::gen_x;
  bool generation_known = true;
  SectorId sector = 0;
  bool at_table = true;
  // As typed; a blank cell (a bit of `blank`) reads as yes and stays blank.
  bool resident = true;
  bool formal_leader = true;
  uint8_t blank = 0;  // kBlankResident | kBlankFormalLeader
  ExtraCells extra{};
  RowSource typed_text{};
  bool operator==(const Person&) const = default;

  static constexpr uint8_t kBlankResident = 1, kBlankFormalLeader = 2;
};

// One row of ties.csv. Several rows may link the same pair with different
// kinds; the Network merges them into one relationship.
struct Tie {
  uint32_t source = 0;
  uint32_t target = 0;
  TieKind kind = TieKind::information;
  uint8_t strength = 1;  // 1..3
  bool directed = false;
  bool confirmed = true;
  uint8_t blank = 0;  // cells left blank, written back blank while they hold the default
  ExtraCells extra{};  // 32 bytes a row in all: a national ties file has millions
  RowSource typed_text{};
  bool operator==(const Tie&) const = default;

  static constexpr uint8_t kBlankKind = 1, kBlankStrength = 2, kBlankDirected = 4, kBlankConfirmed = 8;
};

struct Role {
  uint32_t organization = 0;
  RoleKind kind = RoleKind::practitioner;
  IssueAreaId issue_area = kNone;
  FunctionId function = kWholeBackbone;  // backbone only
  int16_t outcome = kNone;               // convener only: index into the issue area's outcomes
  RoleStatus status = RoleStatus::claimed;
  uint8_t blank = 0;  // kBlankFunction (blank rather than `all`) | kBlankStatus
  ExtraCells extra{};
  RowSource typed_text{};
  bool operator==(const Role&) const = default;

  static constexpr uint8_t kBlankFunction = 1, kBlankStatus = 2;
};

// A person's derived values, from the typed cells and the organizations.
struct PersonDerived {
  Generation generation = Generation::gen_x;
  bool generation_known = false;
  SectorId sector = 0;
  bool at_table = false;
};
// `organizations` gives the organization's sector and at_table. When the
// cells leave the sector underivable (no organization, no sector typed), the
// person's current sector is kept: the reader reports that case as an error.
PersonDerived derive_person(const Person& p, const std::vector<Organization>& organizations);

uint64_t next_table_version();

// A copy-on-write table of rows plus the names of its unknown columns.
template <class Row>
class Table {
 public:
  Table() : data_(std::make_shared<Data>()) {}

  const std::vector<Row>& rows() const { return data_->rows; }
  size_t size() const { return data_->rows.size(); }
  bool empty() const { return data_->rows.empty(); }
  const Row& operator[](size_t i) const { return data_->rows[i]; }
  auto begin() const { return data_->rows.begin(); }
  auto end() const { return data_->rows.end(); }

  // Header names of unknown columns, kept for the round trip.
  const std::vector<std::string>& extra_columns() const { return data_->extra_columns; }
  // How the table's file was written; null for a table not read from a file.
  const TableLayout* layout() const { return data_->layout ? &*data_->layout : nullptr; }
  void set_layout(std::optional<TableLayout> layout) { own().layout = std::move(layout); }

  // Mutable access; clones the table first when a snapshot shares it. Each
  // call gives the table a new version, so id lookups made afterwards see the
  // edit: call edit() again after a lookup rather than keeping the reference.
  std::vector<Row>& edit() { return own().rows; }
  std::vector<std::string>& edit_extra_columns() { return own().extra_columns; }
  // Sets all rows at once, keeping the unknown columns and the layout; unlike
  // edit(), never clones the rows it replaces (community_without on every click).
  void replace_rows(std::vector<Row> rows) {
    if (data_.use_count() > 1) {
      auto fresh = std::make_shared<Data>();
      fresh->extra_columns = data_->extra_columns;
      fresh->layout = data_->layout;
      data_ = std::move(fresh);
    }
    data_->rows = std::move(rows);
    data_->version = next_table_version();
  }

  // Changes whenever the rows may have changed; unique across all tables.
  uint64_t version() const { return data_->version; }

  // True when both tables share storage (no edit since the copy).
  bool shares_storage_with(const Table& other) const { return data_ == other.data_; }

  bool operator==(const Table& o) const {
    return data_ == o.data_ || (data_->rows == o.data_->rows && data_->extra_columns == o.data_->extra_columns);
  }

 private:
  struct Data {
    std::vector<Row> rows;
    std::vector<std::string> extra_columns;
    std::optional<TableLayout> layout;
    uint64_t version = next_table_version();
  };
  Data& own() {
    if (data_.use_count() > 1) data_ = std::make_shared<Data>(*data_);
    data_->version = next_table_version();
    return *data_;
  }
  std::shared_ptr<Data> data_;
};

// id -> row index for a table of rows with an `id`; rebuilt lazily when the
// table's version changes. Thread-safe; copies start empty.
class IdIndex {
 public:
  template <class Row>
  std::optional<uint32_t> find(const Table<Row>& table, std::string_view id) const {
    std::lock_guard lock(mutex_);
    const auto& rows = table.rows();
    auto id_of = [&rows](uint32_t i) { return std::string_view(rows[i].id); };
    if (built_version_ != table.version()) {
      ids_.clear();
      ids_.reserve(rows.size());
      for (uint32_t i = 0; i < rows.size(); ++i) ids_.insert(rows[i].id, i, id_of);
      built_version_ = table.version();
    }
    return ids_.find(id, id_of);
  }
  IdIndex() = default;
  IdIndex(const IdIndex&) {}
  IdIndex& operator=(const IdIndex&) { return *this; }

 private:
  mutable std::mutex mutex_;
  mutable uint64_t built_version_ = 0;
  mutable IdTable ids_;
};

class Community {
 public:
  Profile profile;
  Table<Organization> organizations;
  Table<Person> people;
  Table<Tie> ties;
  Table<Role> roles;

  // Row index of an organization / person id.
  std::optional<uint32_t> find_organization(std::string_view id) const;
  std::optional<uint32_t> find_person(std::string_view id) const;

  const std::string& sector_name(SectorId s) const { return profile.sectors[s]; }
  const std::string& org_id(uint32_t org) const { return organizations[org].id; }

  // Whether the organization sits at the table: its own flag, or one of its people.
  std::vector<bool> organizations_at_table() const;

  // Recomputes every person's derived values (generation, sector, at_table)
  // from what was typed and from the organization; see Person. Edits the
  // people table only when a value changes, so undo snapshots stay shared.
  void derive_people();

  bool operator==(const Community& o) const {
    return profile == o.profile && organizations == o.organizations && people == o.people &&
           ties == o.ties && roles == o.roles;
  }

 private:
  IdIndex org_index_;
  IdIndex person_index_;
};

}  // namespace tablemap
