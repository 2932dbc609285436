// The document: the community open on the map and every way it changes or
// moves: open, new, save, an edit, undo and redo, and the what-if removals
// (which change no data). Panels, menus and the replay call these and never
// write AppState::history themselves.
//
// What the user points at is kept by organization id, not by row
// (refresh() in app_state.cpp): the selection, the what-if removals and the
// highlights stay on the same organizations through a delete, an undo, a
// redo or another year of the same file; the Edit forms are keyed by id too
// (viz/edit_forms.hpp).
#pragma once

#include <string>
#include <unordered_map>

#include "io/new_community.hpp"
#include "viz/app_state.hpp"

namespace tablemap::viz {

// Opens a community (problems go to load_message); returns false on bad data.
// `carried` places organizations by id (layout points) before the positions
// the project file saved: another year of the same file opens with every
// organization the two share where it was.
bool open_community(AppState& s, const std::string& path,
                    const std::unordered_map<std::string, Point>* carried = nullptr);
// File > New: writes a new community to fill in at `path` (a folder, or a
// workbook for a path ending in .xlsx, exactly as `tablemap init` does) and
// opens it. "" when done, else what went wrong in the user's words.
std::string create_community(AppState& s, const NewCommunityOptions& options, const std::string& path);
// Saves to PATH (project file with map positions, .xlsx, .json or bundle
// folder), atomically; never over another program's save since the open.
// The status line says what happened. False on failure.
bool save_to(AppState& s, const std::string& path);
// Where unsaved edits of `path` are kept: PATH.recovery.json.
std::string recovery_path_for(const std::string& path);

// Applies an edit with the reader's rules; its problems go to the status
// line. True when applied.
bool apply(AppState& s, const Edit& edit);
// The same, the problems returned for a form to show beside its fields.
Problems apply_checked(AppState& s, const Edit& edit);
void undo(AppState& s);
void redo(AppState& s);

// A community that is no file yet (a generated one): opened unsaved.
void open_unsaved(AppState& s, Community community);
// The recovery copy of unsaved edits replaces the community, as one undoable
// step; false (and a status) when it cannot be read.
bool restore_recovery(AppState& s);

// An organization taken out of the network for what-if (out) or put back.
void set_removed(AppState& s, uint32_t org, bool out);
// Selection and what-if by id; false (and a status message) when unknown.
bool select_by_id(AppState& s, const std::string& id);
bool whatif_remove(AppState& s, const std::string& id);
void whatif_reset(AppState& s);
// The what-if report for the current removals (analysis/whatif), recomputed only when they change.
const WhatIfReport& whatif_report(AppState& s);

}  // namespace tablemap::viz
