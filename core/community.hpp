// The community model: a profile plus four tables (organizations, people,
// ties, roles), exactly the content of a bundle.
//
// Tables are copy-on-write: copying a Community (a snapshot for undo, or a
// what-if scenario) copies five pointers; the first edit of a shared table
// clones just that table. Rows refer to organizations by index (the vertex
// number in the network); ids are the stable keys users see and files use.
#pragma once

#include <array>
#include <cstdint>
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

  bool is_required(SectorId s) const { return s < required_sector_count; }
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
using ExtraCells = std::vector<std::string>;

struct Organization {
  std::string id;
  std::string name;
  SectorId sector = 0;
  std::vector<SectorId> secondary_sectors;
  OrgType type = OrgType::other;
  bool at_table = false;
  std::vector<IssueAreaId> issue_areas;
  GenerationSet generations_served = 0;
  ExtraCells extra;
  bool operator==(const Organization&) const = default;
};

struct Person {
  std::string id;
  std::string name;
  int32_t organization = kNoOrganization;
  int birth_year = 0;  // 0 when the file gave only a generation
  Generation generation = Generation::gen_x;
  SectorId sector = 0;
  bool at_table = true;
  bool resident = true;
  bool formal_leader = true;
  ExtraCells extra;
  bool operator==(const Person&) const = default;
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
  ExtraCells extra;
  bool operator==(const Tie&) const = default;
};

struct Role {
  uint32_t organization = 0;
  RoleKind kind = RoleKind::practitioner;
  IssueAreaId issue_area = kNone;
  FunctionId function = kWholeBackbone;  // backbone only
  int16_t outcome = kNone;               // convener only: index into the issue area's outcomes
  RoleStatus status = RoleStatus::claimed;
  ExtraCells extra;
  bool operator==(const Role&) const = default;
};

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

  // Mutable access; clones the table first when a snapshot shares it. Each
  // call gives the table a new version, so id lookups made afterwards see the
  // edit: call edit() again after a lookup rather than keeping the reference.
  std::vector<Row>& edit() { return own().rows; }
  std::vector<std::string>& edit_extra_columns() { return own().extra_columns; }

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

  bool operator==(const Community& o) const {
    return profile == o.profile && organizations == o.organizations && people == o.people &&
           ties == o.ties && roles == o.roles;
  }

 private:
  IdIndex org_index_;
  IdIndex person_index_;
};

}  // namespace tablemap
