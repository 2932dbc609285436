// "Did you mean ...?" for misspelled sectors, ids and column names.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tablemap {

// Levenshtein distance, case-insensitive.
size_t edit_distance(std::string_view a, std::string_view b);

// " (did you mean 'health'?)" when one candidate is within two edits, else "".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

// "a, b, c" for messages.
std::string join_names(const std::vector<std::string>& names, std::string_view separator = ", ");

}  // namespace tablemap
