// The small formatters every report shares, so that a count, a list and an
// organization read the same in gaps, roles, metrics, what-if and summary:
// "1 organization" / "2 organizations", "A, B and C", "Name (id)".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/community.hpp"

namespace tablemap {

// "1 organization", "3 organizations"; `many` defaults to `one` + "s".
std::string count_of(int64_t n, std::string_view one, std::string_view many = {});
// The noun alone, in number: "organization" / "organizations".
std::string noun(int64_t n, std::string_view one, std::string_view many = {});

// "a, b, c" with a separator.
std::string join(const std::vector<std::string>& parts, std::string_view separator = ", ");
// "a", "a and b", "a, b and c" for sentences.
std::string join_and(const std::vector<std::string>& parts);
// The first `limit` parts joined by ", ", then " and N more".
std::string join_limited(const std::vector<std::string>& parts, size_t limit, std::string_view separator = ", ");

// An organization as a lead reads it: "Family Resource Center (rb-frc)"; the
// id alone when the name is empty or the same.
std::string org_label(const Community& community, uint32_t org);
// The organization's name, or its id when it has none.
const std::string& org_name(const Community& community, uint32_t org);
std::vector<std::string> org_labels(const Community& community, const std::vector<uint32_t>& orgs);
std::vector<std::string> org_names(const Community& community, const std::vector<uint32_t>& orgs);
std::vector<std::string> org_ids(const Community& community, const std::vector<uint32_t>& orgs);
// [{id, name}] for JSON, beside a list of ids.
nlohmann::json named_organizations(const Community& community, const std::vector<uint32_t>& orgs);
// Sector names of SectorIds (an unknown id is shown as its number).
std::vector<std::string> sector_names(const Community& community, const std::vector<SectorId>& sectors);

// Columns padded to their widest cell; the first `left_columns` left-aligned, the others right-aligned.
std::string aligned(const std::vector<std::vector<std::string>>& rows, std::string_view indent = "  ",
                    size_t left_columns = 1);

// "42.5%" for a share of 0.425.
std::string percent(double share);

// "1 tie", "3 ties" (count_of with both forms given).
std::string plural(int64_t n, std::string_view one, std::string_view many);

}  // namespace tablemap
