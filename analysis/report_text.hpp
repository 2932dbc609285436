// Text helpers every report shares: aligned tables, percentages, plurals.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tablemap {

// Columns padded to their widest cell; the first `left_columns` left-aligned, the others right-aligned.
std::string aligned(const std::vector<std::vector<std::string>>& rows, std::string_view indent = "  ",
                    size_t left_columns = 1);

// "42.5%" for a share of 0.425.
std::string percent(double share);

// "1 tie", "3 ties".
std::string plural(int64_t n, std::string_view one, std::string_view many);

}  // namespace tablemap
