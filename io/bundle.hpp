// The community bundle: a folder with community.json and organizations.csv,
// and optionally people.csv, ties.csv and roles.csv.
#pragma once

#include <string>
#include <vector>

#include "io/atomic_folder.hpp"
#include "io/codec.hpp"
#include "io/load.hpp"

namespace tablemap {

LoadResult load_bundle(const std::string& folder);

// Writes every file of the bundle and swaps the whole folder in at once
// (io/atomic_folder.hpp): a kill or a full disk leaves the old bundle or the
// new one. Creates the folder when missing; refuses an existing folder that
// holds other things and no community.json unless
// options.replace_any_folder. Throws SaveError.
// The files of the bundle, named and encoded, as save_bundle writes them.
std::vector<FolderFile> bundle_files(const Community& community);

void save_bundle(const Community& community, const std::string& folder, const SaveOptions& options = {});

}  // namespace tablemap
