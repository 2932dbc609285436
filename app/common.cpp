#include "app/common.hpp"

#include <cstdio>

#include <algorithm>

#include "io/load.hpp"
#include "io/suggest.hpp"

namespace tablemap::app {

std::optional<Community> load_or_report(const std::string& path, int year) {
  return community_or_report(load_community(path, year), path);
}

std::optional<Community> community_or_report(LoadResult r, const std::string& path) {
  if (r.ok()) return std::move(r.community);
  for (const Problem& p : r.problems) std::fprintf(stderr, "%s\n", p.to_string().c_str());
  std::fprintf(stderr, "tablemap: %zu problem%s in %s; nothing was loaded. Fix the lines above and try again.\n",
               r.problems.size(), r.problems.size() == 1 ? "" : "s", path.c_str());
  return std::nullopt;
}

OrganizationArgs find_organizations(const Community& c, const std::vector<std::string>& given) {
  OrganizationArgs out;
  std::vector<std::string> known;  // ids and names, for the suggestions
  for (const Organization& o : c.organizations) {
    known.push_back(o.id);
    if (!o.name.empty()) known.push_back(o.name);
  }
  for (const std::string& word : given) {
    std::optional<uint32_t> row = c.find_organization(word);
    for (uint32_t i = 0; !row && i < c.organizations.size(); ++i)
      if (equals_ignore_case(c.organizations[i].name, trim(word))) row = i;
    if (!row) {
      out.problems.push_back("no organization with the id or name '" + word + "'" + did_you_mean(word, known));
      continue;
    }
    if (std::find(out.rows.begin(), out.rows.end(), *row) == out.rows.end()) out.rows.push_back(*row);
  }
  return out;
}

void print_json(const nlohmann::json& j) { std::printf("%s\n", j.dump(2).c_str()); }

}  // namespace tablemap::app
