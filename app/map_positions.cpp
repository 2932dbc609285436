#include "app/map_positions.hpp"

#include <unordered_map>

#include "io/load.hpp"
#include "io/project_file.hpp"
#include "viz/layout.hpp"

namespace tablemap::app {

std::vector<GraphPoint> map_positions(const std::string& path, const Community& c, const Network& net) {
  std::vector<GraphPoint> out;
  if (format_of_path(path) == Format::project) {
    std::unordered_map<std::string, GraphPoint> saved;
    try {
      for (const NodePosition& p : load_positions(path, c.profile.year)) saved[p.organization] = {p.x, p.y};
    } catch (const std::exception&) {
      saved.clear();  // unreadable positions: lay the network out afresh
    }
    for (const Organization& o : c.organizations) {
      auto it = saved.find(o.id);
      if (it == saved.end()) break;
      out.push_back(it->second);
    }
    if (out.size() == c.organizations.size() && !out.empty()) return out;
    out.clear();
  }
  viz::LayoutResult layout = viz::compute_layout(viz::layout_input(c, net, viz::LayoutEngine::automatic));
  if (!layout.error.empty() || layout.positions.size() != c.organizations.size()) return {};
  out.reserve(layout.positions.size());
  for (const viz::Point& p : layout.positions) out.push_back({p.x, p.y});
  return out;
}

}  // namespace tablemap::app
