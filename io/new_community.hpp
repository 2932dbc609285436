// A new community ready to fill in, for `tablemap init` and the map's
// File > New: the profile with the format's defaults (six key sectors
// required, the usual optional ones, the five backbone functions, every
// generation with an empty residents count), one example row per table
// marked as an example in a `notes` column, and how to fill it in.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/community.hpp"

namespace tablemap {

struct NewCommunityOptions {
  std::string name = "Our Community";
  Geography geography = Geography::unspecified;
  int64_t population = 0;
  int year = 0;  // 0: this calendar year
};

Community new_community_template(const NewCommunityOptions& options);

// "How to fill this in": the README.md of a folder, the first sheet of a workbook.
std::vector<std::string> how_to_fill_in(bool workbook);

// community.json of the template, with a comment before each key saying what
// it is (the residents per generation are comments waiting for numbers).
std::string new_community_json(const Profile& profile);

// Writes the template at `path`: a workbook when it ends in .xlsx, else a
// bundle folder with a README.md. Refuses (SaveError) an existing file or a
// folder that is not empty, so that nothing a lead typed is overwritten.
void write_new_community(const NewCommunityOptions& options, const std::string& path);

}  // namespace tablemap
