#include "viz/layout.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <unordered_map>

#include <gvc.h>

namespace tablemap::viz {
namespace {

std::mutex& graphviz_mutex() {
  static std::mutex m;
  return m;
}

GVC_t* graphviz_context() {
  static GVC_t* gvc = gvContext();  // loads the layout plugins once
  return gvc;
}

char* cs(const char* s) { return const_cast<char*>(s); }

// The strongest role an organization plays, 0 = top of the hierarchy.
uint8_t role_rank(RoleKind k) {
  switch (k) {
    case RoleKind::anchor: return 0;
    case RoleKind::backbone: return 1;
    case RoleKind::convener: return 2;
    case RoleKind::investor:
    case RoleKind::data_partner: return 3;
    case RoleKind::practitioner: return 4;
  }
  return 5;
}

}  // namespace

const char* tier_name(uint8_t rank) {
  static const char* names[] = {"anchor", "backbone", "conveners", "investors and data partners", "practitioners",
                                "no role"};
  return rank < 6 ? names[rank] : "no role";
}

std::vector<Tier> fold_tiers(std::vector<Point>& positions, const std::vector<uint8_t>& rank, size_t per_row) {
  const size_t n = positions.size();
  if (per_row == 0) per_row = std::max<size_t>(10, size_t(std::ceil(std::sqrt(double(n)) * 1.6)));
  const float spacing = 60, row_gap = 55, tier_gap = 70;
  std::vector<Tier> tiers;
  float y = 0;
  for (uint8_t r = 0; r <= 5; ++r) {
    std::vector<uint32_t> members;
    for (uint32_t i = 0; i < n; ++i)
      if (i < rank.size() && rank[i] == r) members.push_back(i);
    if (members.empty()) continue;
    std::stable_sort(members.begin(), members.end(),
                     [&](uint32_t a, uint32_t b) { return positions[a].x < positions[b].x; });
    const size_t rows = (members.size() + per_row - 1) / per_row;
    const size_t width = std::min(members.size(), per_row);
    Tier t;
    t.name = tier_name(r);
    t.y_top = y;
    t.x_left = -float(per_row) * spacing / 2 - spacing;
    for (size_t k = 0; k < members.size(); ++k) {
      const size_t row = k / per_row, col = k % per_row;
      // Rows of a tier alternate a half step so that ties between them do not run along a row.
      const float shift = (row % 2) ? spacing / 2 : 0;
      positions[members[k]] = {(float(col) - float(width - 1) / 2) * spacing + shift, y - float(row) * row_gap};
    }
    t.y_bottom = y - float(rows - 1) * row_gap;
    tiers.push_back(t);
    y = t.y_bottom - tier_gap;
  }
  return tiers;
}

const char* to_string(LayoutEngine e) {
  switch (e) {
    case LayoutEngine::automatic: return "automatic";
    case LayoutEngine::sfdp: return "sfdp";
    case LayoutEngine::neato: return "neato";
    case LayoutEngine::fdp: return "fdp";
    case LayoutEngine::dot_roles: return "dot";
  }
  return "?";
}

LayoutEngine choose_engine(uint32_t organizations) {
  return organizations > 300 ? LayoutEngine::sfdp : LayoutEngine::neato;
}

double now_seconds() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

LayoutInput layout_input(const Community& c, const Network& net, LayoutEngine engine) {
  LayoutInput in;
  in.organizations = net.organization_count();
  in.engine = engine == LayoutEngine::automatic ? choose_engine(in.organizations) : engine;
  in.links.reserve(net.relationship_count());
  for (const Relationship& r : net.relationships()) {
    in.links.emplace_back(r.a, r.b);
    in.link_weight.push_back(r.strength);
  }
  if (in.engine == LayoutEngine::dot_roles) {
    in.rank.assign(in.organizations, 5);
    for (const Role& r : c.roles)
      if (r.organization < in.organizations)
        in.rank[r.organization] = std::min(in.rank[r.organization], role_rank(r.kind));
  }
  in.pinned.assign(in.organizations, 0);
  in.pinned_at.assign(in.organizations, Point{});
  return in;
}

LayoutResult compute_layout(const LayoutInput& in) {
  LayoutResult result;
  const uint32_t n = in.organizations;
  LayoutEngine engine = in.engine == LayoutEngine::automatic ? choose_engine(n) : in.engine;
  result.engine = to_string(engine);
  result.positions.assign(n, Point{});
  if (n == 0) return result;
  if (engine == LayoutEngine::dot_roles && n > 2000) {
    result.error = "the role hierarchy view draws up to 2,000 organizations; use the network view for this community";
    return result;
  }
  const bool any_pinned = std::any_of(in.pinned.begin(), in.pinned.end(), [](uint8_t p) { return p != 0; });

  std::lock_guard lock(graphviz_mutex());
  const double t0 = now_seconds();
  GVC_t* gvc = graphviz_context();
  Agraph_t* g = agopen(cs("map"), engine == LayoutEngine::dot_roles ? Agdirected : Agundirected, nullptr);
  agattr(g, AGNODE, cs("shape"), cs("point"));
  agattr(g, AGNODE, cs("width"), cs("0.3"));
  agattr(g, AGNODE, cs("label"), cs(""));
  switch (engine) {
    case LayoutEngine::sfdp:
      // Overlap removal costs more than the layout itself at this scale and the
      // map draws small nodes; quadtree repulsion keeps sfdp near O(n log n).
      agattr(g, AGRAPH, cs("overlap"), cs("true"));
      agattr(g, AGRAPH, cs("quadtree"), cs("fast"));
      agattr(g, AGRAPH, cs("maxiter"), cs("300"));
      break;
    case LayoutEngine::neato:
    case LayoutEngine::fdp:
      agattr(g, AGRAPH, cs("overlap"), cs("false"));
      agattr(g, AGRAPH, cs("sep"), cs("+6"));
      if (any_pinned) agattr(g, AGRAPH, cs("notranslate"), cs("true"));
      break;
    case LayoutEngine::dot_roles:
      agattr(g, AGRAPH, cs("rankdir"), cs("TB"));
      agattr(g, AGRAPH, cs("nodesep"), cs("0.15"));
      agattr(g, AGRAPH, cs("ranksep"), cs("1.2"));
      agattr(g, AGEDGE, cs("constraint"), cs("true"));
      break;
    case LayoutEngine::automatic: break;
  }
  Agsym_t* pos_sym = nullptr;
  if (any_pinned && (engine == LayoutEngine::neato || engine == LayoutEngine::fdp))
    pos_sym = agattr(g, AGNODE, cs("pos"), cs(""));

  std::vector<Agnode_t*> nodes(n);
  char name[32];
  char pos[64];
  for (uint32_t i = 0; i < n; ++i) {
    std::snprintf(name, sizeof name, "n%u", i);
    nodes[i] = agnode(g, name, 1);
    if (pos_sym && in.pinned[i]) {
      // Graphviz reads pos in points and "!" pins the node.
      std::snprintf(pos, sizeof pos, "%.2f,%.2f!", double(in.pinned_at[i].x), double(in.pinned_at[i].y));
      agxset(nodes[i], pos_sym, pos);
    }
  }
  Agsym_t* constraint = engine == LayoutEngine::dot_roles ? agattr(g, AGEDGE, cs("constraint"), nullptr) : nullptr;
  for (size_t k = 0; k < in.links.size(); ++k) {
    uint32_t a = in.links[k].first, b = in.links[k].second;
    if (a >= n || b >= n || a == b) continue;
    if (engine == LayoutEngine::dot_roles) {
      if (in.rank[a] > in.rank[b]) std::swap(a, b);  // edges point down the hierarchy
      Agedge_t* e = agedge(g, nodes[a], nodes[b], nullptr, 1);
      if (in.rank[a] == in.rank[b]) agxset(e, constraint, cs("false"));
    } else {
      agedge(g, nodes[a], nodes[b], nullptr, 1);
    }
  }
  if (engine == LayoutEngine::dot_roles) {
    // One subgraph per rank keeps each role level on one row.
    for (uint8_t r = 0; r <= 5; ++r) {
      std::snprintf(name, sizeof name, "rank%u", unsigned(r));
      Agraph_t* sub = nullptr;
      for (uint32_t i = 0; i < n; ++i) {
        if (in.rank[i] != r) continue;
        if (!sub) {
          sub = agsubg(g, name, 1);
          agsafeset(sub, cs("rank"), cs("same"), cs(""));
        }
        agsubnode(sub, nodes[i], 1);
      }
    }
  }

  if (gvLayout(gvc, g, to_string(engine)) != 0) {
    result.error = std::string("Graphviz could not lay out the network with ") + to_string(engine);
    agclose(g);
    return result;
  }
  for (uint32_t i = 0; i < n; ++i)
    result.positions[i] = Point{float(ND_coord(nodes[i]).x), float(ND_coord(nodes[i]).y)};
  gvFreeLayout(gvc, g);
  agclose(g);
  if (engine == LayoutEngine::sfdp) spread_components(result.positions, in.links);
  if (engine == LayoutEngine::dot_roles && !any_pinned) result.tiers = fold_tiers(result.positions, in.rank);

  // Engines that ignore pins: move the whole picture so that pinned
  // organizations sit, on average, where they were; then put them exactly there.
  if (any_pinned && !pos_sym) {
    double dx = 0, dy = 0;
    int count = 0;
    for (uint32_t i = 0; i < n; ++i)
      if (in.pinned[i]) {
        dx += in.pinned_at[i].x - result.positions[i].x;
        dy += in.pinned_at[i].y - result.positions[i].y;
        ++count;
      }
    for (Point& p : result.positions) p.x += float(dx / count), p.y += float(dy / count);
  }
  for (uint32_t i = 0; i < n; ++i)
    if (in.pinned[i]) result.positions[i] = in.pinned_at[i];
  result.seconds = now_seconds() - t0;
  return result;
}

void spread_components(std::vector<Point>& positions, const std::vector<std::pair<uint32_t, uint32_t>>& links,
                       float tie_length, float gap) {
  const uint32_t n = uint32_t(positions.size());
  if (n == 0) return;
  // Components by union-find.
  std::vector<uint32_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0u);
  auto find = [&](uint32_t v) {
    while (parent[v] != v) v = parent[v] = parent[parent[v]];
    return v;
  };
  for (auto [a, b] : links)
    if (a < n && b < n) parent[find(a)] = find(b);
  std::vector<uint32_t> component(n), count;
  {
    std::vector<uint32_t> id(n, UINT32_MAX);
    for (uint32_t v = 0; v < n; ++v) {
      uint32_t r = find(v);
      if (id[r] == UINT32_MAX) id[r] = uint32_t(count.size()), count.push_back(0);
      component[v] = id[r];
      ++count[component[v]];
    }
  }
  const size_t k = count.size();
  // Each component's median tie length, then its scale about its centre.
  std::vector<std::vector<float>> lengths(k);
  for (auto [a, b] : links)
    if (a < n && b < n && a != b)
      lengths[component[a]].push_back(std::hypot(positions[a].x - positions[b].x, positions[a].y - positions[b].y));
  std::vector<float> scale(k, 1.f);
  for (size_t c = 0; c < k; ++c) {
    auto& l = lengths[c];
    if (l.empty()) continue;
    std::nth_element(l.begin(), l.begin() + l.size() / 2, l.end());
    if (l[l.size() / 2] > 1e-3f) scale[c] = tie_length / l[l.size() / 2];
  }
  struct Box {
    float x0 = 1e30f, y0 = 1e30f, x1 = -1e30f, y1 = -1e30f;
  };
  std::vector<Box> box(k);
  for (uint32_t v = 0; v < n; ++v) {
    Point& p = positions[v];
    p.x *= scale[component[v]];
    p.y *= scale[component[v]];
    Box& b = box[component[v]];
    b.x0 = std::min(b.x0, p.x), b.y0 = std::min(b.y0, p.y), b.x1 = std::max(b.x1, p.x), b.y1 = std::max(b.y1, p.y);
  }
  // Shelf packing, biggest (by area, then by members) first, top row first.
  std::vector<uint32_t> order(k);
  std::iota(order.begin(), order.end(), 0u);
  auto area = [&](uint32_t c) { return double(box[c].x1 - box[c].x0 + gap) * double(box[c].y1 - box[c].y0 + gap); };
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return area(a) != area(b) ? area(a) > area(b) : count[a] > count[b];
  });
  double total = 0;
  float widest = 0;
  for (size_t c = 0; c < k; ++c) total += area(uint32_t(c)), widest = std::max(widest, box[c].x1 - box[c].x0 + gap);
  const float row_width = std::max(widest, float(std::sqrt(total) * 1.3));
  std::vector<float> dx(k), dy(k);
  float x = 0, y = 0, row_height = 0;
  for (uint32_t c : order) {
    const float w = box[c].x1 - box[c].x0 + gap, h = box[c].y1 - box[c].y0 + gap;
    if (x > 0 && x + w > row_width) y -= row_height, x = 0, row_height = 0;
    dx[c] = x - box[c].x0;
    dy[c] = y - box[c].y1;  // y grows upward: rows go down the page
    x += w;
    row_height = std::max(row_height, h);
  }
  for (uint32_t v = 0; v < n; ++v) positions[v].x += dx[component[v]], positions[v].y += dy[component[v]];
}

LayoutJob::~LayoutJob() { wait(); }

void LayoutJob::wait() {
  if (worker_.joinable()) worker_.join();
}

void LayoutJob::start(LayoutInput input) {
  wait();
  {
    std::lock_guard lock(mutex_);
    result_.reset();
    started_ = now_seconds();
    engine_ = to_string(input.engine == LayoutEngine::automatic ? choose_engine(input.organizations) : input.engine);
  }
  running_ = true;
  worker_ = std::thread([this, in = std::move(input)] {
    LayoutResult r = compute_layout(in);
    std::lock_guard lock(mutex_);
    result_ = std::move(r);
    running_ = false;
  });
}

double LayoutJob::elapsed() const {
  std::lock_guard lock(mutex_);
  return now_seconds() - started_;
}

std::string LayoutJob::engine() const {
  std::lock_guard lock(mutex_);
  return engine_;
}

std::optional<LayoutResult> LayoutJob::take() {
  std::lock_guard lock(mutex_);
  if (running_ || !result_) return std::nullopt;
  std::optional<LayoutResult> r = std::move(result_);
  result_.reset();
  return r;
}

std::vector<Point> free_spots_near(const std::vector<Point>& taken, const std::vector<Point>& wanted, float clear) {
  // Points by the square cell of side `clear` they fall in: a point closer
  // than `clear` to q lies in q's cell or one of the eight around it.
  std::unordered_map<uint64_t, std::vector<Point>> cells;
  auto cell_of = [clear](float v) { return int32_t(std::clamp(std::floor(v / clear), -1e9f, 1e9f)); };
  auto key = [](int32_t cx, int32_t cy) { return (uint64_t(uint32_t(cx)) << 32) | uint32_t(cy); };
  auto take = [&](Point q) { cells[key(cell_of(q.x), cell_of(q.y))].push_back(q); };
  auto is_free = [&](Point q) {
    const int32_t cx = cell_of(q.x), cy = cell_of(q.y);
    for (int32_t dx = -1; dx <= 1; ++dx)
      for (int32_t dy = -1; dy <= 1; ++dy) {
        auto it = cells.find(key(cx + dx, cy + dy));
        if (it == cells.end()) continue;
        for (const Point& o : it->second)
          if ((o.x - q.x) * (o.x - q.x) + (o.y - q.y) * (o.y - q.y) < clear * clear) return false;
      }
    return true;
  };
  for (const Point& p : taken)
    if (std::isfinite(p.x) && std::isfinite(p.y)) take(p);
  std::vector<Point> placed;
  placed.reserve(wanted.size());
  for (const Point& p : wanted) {
    Point spot = p;
    bool found = is_free(p);
    for (int ring = 1; ring <= 24 && !found; ++ring)
      for (int k = 0; k < 12 && !found; ++k) {
        const float a = 6.2831853f * float(k) / 12.f, r = clear * 0.5f * float(ring);
        const Point q{p.x + r * std::cos(a), p.y + r * std::sin(a)};
        if (is_free(q)) {
          spot = q;
          found = true;
        }
      }
    take(spot);
    placed.push_back(spot);
  }
  return placed;
}

}  // namespace tablemap::viz
