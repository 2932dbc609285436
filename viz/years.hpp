// The map across the years of a project file: which year is shown, a switch
// to another year that keeps every organization where it was (positions
// carried by id, so that the picture does not jump), and "compare with" an
// earlier or later year: what joined or left the table and the network
// colors the map (ColorBy::change), what is gone is drawn as ghosts where it
// stood, and the Change panel lists before -> after (analysis/compare).
// The map compares the year shown with one before it, so that "joined"
// always means joined since then.
//
// Only a `.tablemap` holding two or more years has any of this; every other
// form shows one year.
#pragma once

#include "viz/app_state.hpp"

namespace tablemap::viz {

// After an open: which years the file holds and which one is shown; any
// comparison of the community open before is dropped.
void note_years(AppState& s);

// Opens another year of the same file, each organization it shares with the
// year shown staying where it is on the map; the comparison, if any, stays
// on (unless it would compare the year with itself). Refused (false, with a
// status) while there are unsaved edits.
bool switch_year(AppState& s, int year);

// The years before the shown one: those it can be compared with.
std::vector<int> earlier_years(const YearView& y);

// Compares the shown year with `year`, one before it (0: stop comparing), and
// colors the map by what changed since; false (with a status) when the file
// holds no such year or it cannot be read.
bool compare_with_year(AppState& s, int year);

// Brings the comparison up to date with the edits (compare reruns the
// analyses of both years, so only when the community changed).
void update_comparison(AppState& s);


}  // namespace tablemap::viz
