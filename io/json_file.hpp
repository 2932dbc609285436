// The JSON single-file form of a community: {"community": {...profile...},
// "organizations": [{column: value, ...}], "people": [...], "ties": [...],
// "roles": [...]}. Cells are strings keyed by the bundle's column names, so
// unknown columns survive; problems name the line of the row's object.
#pragma once

#include <string>

#include "io/codec.hpp"

namespace tablemap {

LoadResult load_json_file(const std::string& path);
std::string community_to_json_text(const Community& community);
// Atomic (temporary file, fsync, rename); throws SaveError.
void save_json_file(const Community& community, const std::string& path);

}  // namespace tablemap
