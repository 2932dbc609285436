// What the Edit panel's forms hold between frames, kept in AppState (not in
// the panel) and keyed by organization and person id, so that a form keeps
// pointing at the same organization after a delete, an undo or a redo
// renumbers the rows, and starts afresh when another community is opened.
#pragma once

#include <cstdint>
#include <string>

#include "core/community.hpp"
#include "core/problem.hpp"

namespace tablemap::viz {

struct EditForms {
  uint64_t opened = UINT64_MAX;  // AppState::opened the forms were filled for
  uint64_t revision = UINT64_MAX;
  int what = 0;                  // 0 organization, 1 person, 2 tie, 3 role
  std::string loaded_for;        // id of the selection the forms were filled from
  Organization org;
  std::string org_key;           // id of the organization being edited ("" = a new one)
  int org_row = -1;              // its row in this revision
  Person person;
  std::string person_key;
  int person_row = -1;
  char person_org[128] = "";
  Tie tie;
  std::string tie_key;           // "SOURCE TARGET KIND" of the tie being edited
  int tie_row = -1;
  char tie_source[128] = "", tie_target[128] = "";
  Role role;
  std::string role_key;          // "ORG KIND AREA FUNCTION OUTCOME" of the role being edited
  int role_row = -1;
  char role_org[128] = "";
  Problems problems;
  Problems typed_problems;  // organizations typed in this frame's forms that do not exist
};

}  // namespace tablemap::viz
