#include "analysis/report_text.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace tablemap {

std::string noun(int64_t n, std::string_view one, std::string_view many) {
  if (n == 1 || n == -1) return std::string(one);
  return many.empty() ? std::string(one) + "s" : std::string(many);
}

std::string count_of(int64_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, noun(n, one, many));
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += separator;
    out += parts[i];
  }
  return out;
}

std::string join_and(const std::vector<std::string>& parts) {
  if (parts.size() <= 1) return parts.empty() ? std::string() : parts.front();
  std::vector<std::string> head(parts.begin(), parts.end() - 1);
  return join(head) + " and " + parts.back();
}

std::string join_limited(const std::vector<std::string>& parts, size_t limit, std::string_view separator) {
  if (parts.size() <= limit) return join(parts, separator);
  std::vector<std::string> head(parts.begin(), parts.begin() + ptrdiff_t(limit));
  return join(head, separator) + fmt::format(" and {} more", parts.size() - limit);
}

const std::string& org_name(const Community& c, uint32_t org) {
  const Organization& o = c.organizations[org];
  return o.name.empty() ? o.id : o.name;
}

std::string org_label(const Community& c, uint32_t org) {
  const Organization& o = c.organizations[org];
  if (o.name.empty() || o.name == o.id) return o.id;
  return o.name + " (" + o.id + ")";
}

std::vector<std::string> org_labels(const Community& c, const std::vector<uint32_t>& orgs) {
  std::vector<std::string> out;
  out.reserve(orgs.size());
  for (uint32_t o : orgs) out.push_back(org_label(c, o));
  return out;
}

std::vector<std::string> org_names(const Community& c, const std::vector<uint32_t>& orgs) {
  std::vector<std::string> out;
  out.reserve(orgs.size());
  for (uint32_t o : orgs) out.push_back(org_name(c, o));
  return out;
}

std::vector<std::string> org_ids(const Community& c, const std::vector<uint32_t>& orgs) {
  std::vector<std::string> out;
  out.reserve(orgs.size());
  for (uint32_t o : orgs) out.push_back(c.org_id(o));
  return out;
}

nlohmann::json named_organizations(const Community& c, const std::vector<uint32_t>& orgs) {
  nlohmann::json out = nlohmann::json::array();
  for (uint32_t o : orgs) out.push_back({{"id", c.org_id(o)}, {"name", org_name(c, o)}});
  return out;
}

std::vector<std::string> sector_names(const Community& c, const std::vector<SectorId>& sectors) {
  std::vector<std::string> out;
  out.reserve(sectors.size());
  for (SectorId s : sectors) out.push_back(s < c.profile.sectors.size() ? c.sector_name(s) : std::to_string(s));
  return out;
}

std::string aligned(const std::vector<std::vector<std::string>>& rows, std::string_view indent, size_t left_columns) {
  std::vector<size_t> width;
  for (const auto& row : rows)
    for (size_t i = 0; i < row.size(); ++i) {
      if (width.size() <= i) width.push_back(0);
      width[i] = std::max(width[i], row[i].size());
    }
  std::string out;
  for (const auto& row : rows) {
    std::string line(indent);
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) line += "  ";
      line += i < left_columns ? fmt::format("{:<{}}", row[i], width[i]) : fmt::format("{:>{}}", row[i], width[i]);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

std::string percent(double share) { return fmt::format("{:.1f}%", 100.0 * share); }

std::string plural(int64_t n, std::string_view one, std::string_view many) { return count_of(n, one, many); }

}  // namespace tablemap
