// The community bundle: a folder with community.json and organizations.csv,
// and optionally people.csv, ties.csv and roles.csv.
#pragma once

#include <string>

#include "io/codec.hpp"

namespace tablemap {

LoadResult load_bundle(const std::string& folder);

// Writes every file of the bundle; each file is replaced atomically
// (temporary file, fsync, rename). Creates the folder when missing.
// Throws SaveError.
void save_bundle(const Community& community, const std::string& folder);

}  // namespace tablemap
