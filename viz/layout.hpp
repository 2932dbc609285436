// Positions of the organizations on the map, computed by Graphviz (cgraph +
// gvc) on a worker thread so the window stays responsive.
//
// Engines: sfdp (multilevel force-directed, O(n log n) per level) for large
// networks, neato (stress majorization, O(n^2) memory and time) for small ones,
// and dot (layered) for the role hierarchy, where an organization's rank comes
// from the strongest role it plays (anchor, backbone, convener, the others,
// none). Graphviz keeps global state, so layouts run one at a time.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/community.hpp"
#include "core/network.hpp"

namespace tablemap::viz {

enum class LayoutEngine { automatic, sfdp, neato, fdp, dot_roles };
const char* to_string(LayoutEngine e);
// sfdp above 300 organizations, neato below.
LayoutEngine choose_engine(uint32_t organizations);

struct Point {
  float x = 0, y = 0;
};

struct LayoutInput {
  uint32_t organizations = 0;
  std::vector<std::pair<uint32_t, uint32_t>> links;  // a < b, one per relationship
  std::vector<uint8_t> link_weight;                  // strength 1..3, parallel to links
  std::vector<uint8_t> rank;                         // dot_roles only: 0 = top
  // Pinned organizations keep these positions (neato honours them during the
  // layout; other engines are moved so the pinned ones land where they were).
  std::vector<uint8_t> pinned;
  std::vector<Point> pinned_at;
  LayoutEngine engine = LayoutEngine::automatic;
};

// The network's relationships plus role ranks, ready for a layout.
LayoutInput layout_input(const Community& community, const Network& network, LayoutEngine engine);

// One row of the role hierarchy: its name and where it lies (layout points, y up).
struct Tier {
  std::string name;  // "anchor", "backbone", ...
  float y_top = 0, y_bottom = 0, x_left = 0;
};
// The name of role rank r (0 anchor ... 5 no role).
const char* tier_name(uint8_t rank);

struct LayoutResult {
  std::vector<Point> positions;  // Graphviz points, y up
  std::vector<Tier> tiers;       // dot_roles: the hierarchy's rows, top first
  double seconds = 0;
  std::string engine;            // the engine that ran
  std::string error;             // empty when it worked
};

// The role hierarchy, readable at a few hundred organizations: each tier
// that dot put on one long row is folded into rows of at most
// `per_row` organizations (in dot's left-to-right order, which keeps the
// ties short), the tiers stacked top to bottom with a gap for their names.
std::vector<Tier> fold_tiers(std::vector<Point>& positions, const std::vector<uint8_t>& rank, size_t per_row = 0);

// Runs Graphviz on the calling thread (serialised with every other layout).
LayoutResult compute_layout(const LayoutInput& input);

// sfdp's multilevel layout can come out shrunk: on a 10,000-organization
// network with hubs its ties are ~2 points long (the default ideal length is
// 21.6), so the main component is a dot among the packed small ones. This
// scales each connected component so that its median tie is `tie_length`
// points, then packs the components in rows (biggest first, `gap` points
// apart, rows about as wide as the picture is tall). Organizations without
// a tie count as components of one. Positions are changed in place.
void spread_components(std::vector<Point>& positions, const std::vector<std::pair<uint32_t, uint32_t>>& links,
                       float tie_length = 40.f, float gap = 30.f);

// Places each of `wanted`, in order, at the point nearest it (rings of 12
// points around it, up to 24 rings of clear/2) that is at least `clear` from
// every point of `taken` and from each point placed before it: ghosts of
// organizations gone since another year sit amid their old partners, on none
// of them and not on each other. A point with no free spot within the rings
// stays where it was wanted. The taken points are bucketed in cells of side
// `clear`, so each check reads only nearby points: O(taken + wanted) for
// points spread over the picture.
std::vector<Point> free_spots_near(const std::vector<Point>& taken, const std::vector<Point>& wanted, float clear);

// One layout in the background. start() while running waits for the previous one.
class LayoutJob {
 public:
  LayoutJob() = default;
  LayoutJob(const LayoutJob&) = delete;
  LayoutJob& operator=(const LayoutJob&) = delete;
  ~LayoutJob();

  void start(LayoutInput input);
  bool running() const { return running_.load(); }
  // Seconds since start(), for the progress indicator.
  double elapsed() const;
  std::string engine() const;
  // The finished result, once; nullopt while running or when already taken.
  std::optional<LayoutResult> take();
  // Blocks until the current layout has finished.
  void wait();

 private:
  std::thread worker_;
  std::atomic<bool> running_{false};
  mutable std::mutex mutex_;
  std::optional<LayoutResult> result_;
  double started_ = 0;
  std::string engine_;
};

double now_seconds();

}  // namespace tablemap::viz
