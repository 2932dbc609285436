// Edits of a community, one row at a time, with undo and redo.
//
// Every change the map makes goes through an Edit: add, change or delete one
// organization, person, tie or role. An edit is checked by the same rules the
// bundle reader applies (unique ids, known organizations and sectors, birth
// years in range, roles with their issue area, no self-ties), so the data the
// map saves always loads again. Undo keeps whole Community snapshots: tables
// are copy-on-write, so a snapshot costs five pointers plus the one table the
// edit touched.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "core/community.hpp"
#include "core/problem.hpp"

namespace tablemap {

enum class EditAction : uint8_t { add, change, remove };

// One edit. For `change` and `remove`, `row` is the row index in the table of
// the value's type; for `add`, it is ignored and the row is appended.
// Deleting an organization also deletes its ties and roles and leaves its
// people unaffiliated (they keep their sector); later rows move up by one.
struct Edit {
  EditAction action = EditAction::add;
  size_t row = 0;
  std::variant<Organization, Person, Tie, Role> value;

  static Edit add(std::variant<Organization, Person, Tie, Role> v) { return {EditAction::add, 0, std::move(v)}; }
  static Edit change(size_t row, std::variant<Organization, Person, Tie, Role> v) {
    return {EditAction::change, row, std::move(v)};
  }
  template <class Row>
  static Edit remove(size_t row) { return {EditAction::remove, row, Row{}}; }
};

// What an edit does, in users' words: "add organization 'clinic'".
std::string describe(const Community& community, const Edit& edit);

// The problems an edit would cause; empty when it may be applied. `current_year`
// bounds birth years (0 = the profile's year, or this calendar year).
Problems check_edit(const Community& community, const Edit& edit, int current_year = 0);

// Applies an edit that check_edit accepted.
void apply_edit(Community& community, const Edit& edit);

// The community being edited, with its undo and redo stacks.
class EditHistory {
 public:
  EditHistory() = default;
  explicit EditHistory(Community community) : current_(std::move(community)) {}

  const Community& current() const { return current_; }

  // Checks and applies; returns the problems and changes nothing when there are any.
  Problems apply(const Edit& edit);
  // Replaces the whole community as one undoable step (e.g. an import).
  void replace(Community community, std::string label);

  bool can_undo() const { return !undo_.empty(); }
  bool can_redo() const { return !redo_.empty(); }
  const std::string& undo_label() const;  // what undo would take back
  const std::string& redo_label() const;
  void undo();
  void redo();
  size_t undo_depth() const { return undo_.size(); }

  // Unsaved changes since the last mark_saved().
  bool dirty() const { return revision_ != saved_revision_; }
  void mark_saved() { saved_revision_ = revision_; }
  // Changes on every apply, undo, redo and replace; caches key on it.
  uint64_t revision() const { return revision_; }

 private:
  struct Step {
    Community before;
    std::string label;
    uint64_t revision;
  };
  void advance();
  Community current_;
  std::vector<Step> undo_, redo_;
  uint64_t revision_ = 0, saved_revision_ = 0, next_revision_ = 1;
};

}  // namespace tablemap
