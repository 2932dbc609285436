#include "core/synthetic.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <random>
#include <span>
#include <stdexcept>

namespace tablemap {

namespace {

// ---------------------------------------------------------------- randomness

// Our own distributions over std::mt19937_64 (see the header for why).
class Random {
 public:
  explicit Random(uint64_t seed) : engine_(seed) {}
  uint64_t bits() { return engine_(); }
  double uniform() { return double(engine_() >> 11) * 0x1.0p-53; }  // [0, 1)
  bool chance(double p) { return uniform() < p; }
  // Uniform in [0, n), without modulo bias (Lemire's method).
  uint32_t below(uint32_t n) {
    uint64_t m = (engine_() >> 32) * uint64_t(n);
    if (uint32_t(m) < n) {
      const uint32_t floor = uint32_t(-n) % n;
      while (uint32_t(m) < floor) m = (engine_() >> 32) * uint64_t(n);
    }
    return uint32_t(m >> 32);
  }
  int between(int lo, int hi) { return lo + int(below(uint32_t(hi - lo + 1))); }
  // An index drawn in proportion to `weights` (a short list).
  size_t pick(std::span<const double> weights) {
    double total = 0;
    for (double w : weights) total += w;
    double x = uniform() * total;
    size_t last = 0;  // the last index with a weight, for rounding at the end
    for (size_t i = 0; i < weights.size(); ++i) {
      if (weights[i] <= 0) continue;
      if (x < weights[i]) return i;
      x -= weights[i];
      last = i;
    }
    return last;
  }

 private:
  std::mt19937_64 engine_;
};

// Independent streams per part, so that a change in how people are drawn
// leaves the ties of a seed as they were.
uint64_t stream_seed(uint64_t seed, uint64_t part) {
  uint64_t z = seed + 0x9E3779B97F4A7C15ull * (part + 1);  // splitmix64
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// Walker's alias method: O(1) draws of an item in proportion to its weight,
// which keeps 8,000,000 weighted draws well under a second.
class AliasTable {
 public:
  // items[i] has weight weights[i]; sample() returns an item.
  AliasTable(const std::vector<double>& weights, const std::vector<uint32_t>& items) : size_(weights.size()) {
    slots_.resize(size_);
    double total = 0;
    for (double w : weights) total += w;
    std::vector<double> scaled(size_);
    std::vector<uint32_t> small, large;
    for (uint32_t i = 0; i < size_; ++i) {
      slots_[i] = {UINT32_MAX, items[i], items[i]};
      scaled[i] = weights[i] * double(size_) / total;
      (scaled[i] < 1 ? small : large).push_back(i);
    }
    while (!small.empty() && !large.empty()) {
      const uint32_t s = small.back(), l = large.back();
      small.pop_back();
      slots_[s].threshold = uint32_t(scaled[s] * 4294967296.0);
      slots_[s].alias = items[l];
      scaled[l] += scaled[s] - 1;
      if (scaled[l] < 1) {
        large.pop_back();
        small.push_back(l);
      }
    }
  }
  uint32_t sample(Random& random) const {
    const uint64_t x = random.bits();
    const Slot& slot = slots_[((x >> 32) * size_) >> 32];
    return uint32_t(x) < slot.threshold ? slot.item : slot.alias;
  }

 private:
  struct Slot {
    uint32_t threshold;  // below it the draw keeps the slot's item, else its alias
    uint32_t item, alias;
  };
  uint64_t size_;
  std::vector<Slot> slots_;  // one cache line read per draw
};

// Sorts keys below 2^bits: LSD radix sort, 11 bits a pass. For the 3,600,000
// pair keys of a million organizations it is several times faster than std::sort.
void radix_sort(std::vector<uint64_t>& keys, int bits) {
  std::vector<uint64_t> buffer(keys.size());
  for (int shift = 0; shift < bits; shift += 11) {
    std::array<size_t, 2049> start{};
    for (uint64_t k : keys) ++start[((k >> shift) & 2047) + 1];
    for (size_t d = 1; d < start.size(); ++d) start[d] += start[d - 1];
    for (uint64_t k : keys) buffer[start[(k >> shift) & 2047]++] = k;
    keys.swap(buffer);
  }
}

// Splits `total` into parts proportional to `shares` that add up exactly.
std::vector<int64_t> apportion(int64_t total, std::span<const double> shares) {
  double sum = 0;
  for (double s : shares) sum += s;
  std::vector<int64_t> parts(shares.size());
  std::vector<std::pair<double, size_t>> remainders;
  int64_t given = 0;
  for (size_t i = 0; i < shares.size(); ++i) {
    const double exact = double(total) * shares[i] / sum;
    parts[i] = int64_t(std::floor(exact));
    given += parts[i];
    remainders.push_back({-(exact - double(parts[i])), i});
  }
  std::sort(remainders.begin(), remainders.end());
  for (size_t k = 0; given < total; ++k, ++given) ++parts[remainders[k % remainders.size()].second];
  return parts;
}

// ---------------------------------------------------------------- vocabulary

enum Area : IssueAreaId { kEducation, kHealth, kEconomicMobility, kHousingStability };

struct OrgKind {
  OrgType type;
  double weight;
  std::vector<const char*> names;  // what follows the place name
};

struct SectorCatalog {
  const char* sector;
  double share;
  IssueAreaId area;           // the issue area most of its organizations work in
  GenerationSet served;       // the generations it mainly serves (0 = all)
  std::vector<OrgKind> kinds;
};

constexpr GenerationSet gens(std::initializer_list<Generation> list) {
  GenerationSet s = 0;
  for (Generation g : list) s = with(s, g);
  return s;
}
using G = Generation;

// Shares follow what community surveys of coalitions tend to find: many
// schools, clinics and service agencies; few safety, media and arts partners.
const std::vector<SectorCatalog>& catalog() {
  static const std::vector<SectorCatalog> sectors = {
      {"health", 0.14, kHealth, 0,
       {{OrgType::nonprofit, 0.45, {"Community Health Center", "Free Clinic", "Family Health Clinic",
                                    "Behavioral Health Services", "Hospice and Home Care"}},
        {OrgType::public_agency, 0.2, {"County Health Department", "Public Health Nursing Office",
                                       "Mental Health Authority"}},
        {OrgType::business, 0.35, {"Regional Medical Center", "Family Pharmacy", "Dental Partners",
                                   "Pediatric Associates"}}}},
      {"education", 0.18, kEducation, gens({G::gen_alpha, G::gen_z}),
       {{OrgType::school, 0.6, {"Elementary School", "Middle School", "High School", "Early Learning Center",
                                "Community College", "Charter Academy"}},
        {OrgType::nonprofit, 0.25, {"Literacy Council", "Youth Tutoring Project", "Education Foundation",
                                    "Head Start"}},
        {OrgType::public_agency, 0.15, {"Unified School District", "Public Library"}}}},
      {"business", 0.12, kEconomicMobility, 0,
       {{OrgType::business, 0.9, {"Savings Bank", "Credit Union", "Manufacturing Company", "Hardware and Supply",
                                  "Family Farms", "Logistics", "Insurance Agency", "Grocery Market"}},
        {OrgType::nonprofit, 0.1, {"Chamber of Commerce", "Economic Development Council",
                                   "Small Business Alliance"}}}},
      {"government", 0.07, kEconomicMobility, 0,
       {{OrgType::public_agency, 1.0, {"City Council", "County Commission", "Parks and Recreation Department",
                                       "Workforce Development Board", "Department of Human Services",
                                       "Municipal Court"}}}},
      {"social_services", 0.16, kEconomicMobility, 0,
       {{OrgType::nonprofit, 0.8, {"Family Resource Center", "Food Pantry", "Boys and Girls Club",
                                   "Senior Center", "Legal Aid", "Youth Mentoring Network",
                                   "Domestic Violence Shelter", "Refugee Services"}},
        {OrgType::public_agency, 0.15, {"County Social Services", "Child Protective Services"}},
        {OrgType::faith, 0.05, {"Interfaith Outreach"}}}},
      {"safety", 0.03, kHealth, 0,
       {{OrgType::public_agency, 0.85, {"Police Department", "Fire and Rescue", "Sheriff's Office",
                                        "Emergency Management Office"}},
        {OrgType::nonprofit, 0.15, {"Neighborhood Watch Network", "Violence Prevention Coalition"}}}},
      {"philanthropy", 0.05, kEducation, 0,
       {{OrgType::foundation, 0.9, {"Community Foundation", "Family Foundation", "Health Foundation",
                                    "Giving Circle"}},
        {OrgType::nonprofit, 0.1, {"United Fund"}}}},
      {"faith", 0.10, kEconomicMobility, 0,
       {{OrgType::faith, 1.0, {"First Baptist Church", "Grace Lutheran Church", "St. Mary's Parish",
                               "Islamic Center", "Temple Beth Shalom", "United Methodist Church",
                               "Community Church"}}}},
      {"residents", 0.06, kHousingStability, 0,
       {{OrgType::resident_group, 0.7, {"Neighborhood Association", "Parents Council", "Tenants Union",
                                        "Youth Council"}},
        {OrgType::informal, 0.3, {"Mothers Circle", "Residents Group", "Porch Talks"}}}},
      {"media", 0.02, kEducation, 0,
       {{OrgType::business, 0.7, {"Gazette", "Radio", "Herald"}},
        {OrgType::nonprofit, 0.3, {"Community Radio", "Public Access Television"}}}},
      {"housing", 0.04, kHousingStability, 0,
       {{OrgType::nonprofit, 0.6, {"Habitat Partners", "Housing Trust", "Homeless Shelter"}},
        {OrgType::public_agency, 0.25, {"Housing Authority"}},
        {OrgType::business, 0.15, {"Property Management", "Realty Group"}}}},
      {"arts_culture", 0.03, kEducation, gens({G::gen_alpha, G::gen_z, G::millennials}),
       {{OrgType::nonprofit, 0.8, {"Arts Council", "Historical Society", "Community Theater",
                                   "Children's Museum", "Symphony"}},
        {OrgType::informal, 0.2, {"Mural Collective", "Folk Dance Troupe"}}}},
  };
  return sectors;
}

constexpr std::array<const char*, 32> kPlaces = {
    "Riverbend",  "Cedar Falls", "Maple Grove",   "Oak Hollow",   "Pine Ridge",   "Willow Creek",
    "Stone Harbor", "Elm Park",  "Fox Run",       "Harbor Point", "Clearwater",   "Brookside",
    "Granite Hill", "Lakeview",  "Millbrook",     "North Fork",   "Prairie View", "Red Bluff",
    "Silver Lake", "Eastgate",   "Westbrook",     "Meadowlark",   "Hillcrest",    "Juniper Flats",
    "Copper Springs", "Bluewater", "Sandy Hollow", "Walnut Grove", "Ashford",      "Kestrel Bay",
    "Larkspur",   "Thornton Mill"};

constexpr std::array<const char*, 40> kGivenNames = {
    "Maria", "James", "Aisha", "Daniel", "Mei", "Robert", "Lucia", "Kwame", "Sarah", "Tomas",
    "Priya", "Marcus", "Elena", "Samuel", "Fatima", "Joseph", "Hannah", "Luis", "Grace", "Andre",
    "Nadia", "Carlos", "Ruth", "Darnell", "Sofia", "Henry", "Leah", "Omar", "Rosa", "Walter",
    "Imani", "Victor", "Alice", "Mateo", "Joan", "Tyrone", "Lena", "Hugo", "Esther", "Kai"};
constexpr std::array<const char*, 40> kFamilyNames = {
    "Alvarez", "Brennan", "Castillo", "Dawson", "Ellison", "Fairbanks", "Garrity", "Holloway",
    "Ibarra", "Jessup", "Kowalski", "Lindqvist", "Montoya", "Nakamura", "Okafor", "Pruitt",
    "Quintero", "Rasmussen", "Sandoval", "Thibodeaux", "Underwood", "Valdez", "Whitlock", "Yazzie",
    "Abernathy", "Beaulieu", "Chandler", "Delgado", "Eastman", "Fenwick", "Gallardo", "Haskins",
    "Iverson", "Jaramillo", "Kincaid", "Langford", "Mercado", "Norwood", "Ortega", "Pennington"};

const std::vector<IssueArea>& issue_areas() {
  static const std::vector<IssueArea> areas = {
      {"education", "Cradle to career education",
       {"kindergarten_readiness", "early_grade_reading", "middle_grade_math", "hs_graduation",
        "postsecondary_completion"}},
      {"health", "Health status", {"healthy_births", "child_wellness", "behavioral_health"}},
      {"economic_mobility", "Economic mobility", {"family_income", "employment"}},
      {"housing_stability", "Housing stability", {"evictions", "homelessness"}},
  };
  return areas;
}

// US residents by generation, youngest last, roughly as the census shows them.
constexpr std::array<double, kGenerationCount> kResidentShares = {0.05, 0.19, 0.19, 0.22, 0.21, 0.14};
// Who holds a seat: mostly gen_x and boomers, few of the young.
constexpr std::array<double, kGenerationCount> kTableShares = {0.03, 0.27, 0.35, 0.27, 0.08, 0};
constexpr std::array<double, kGenerationCount> kStaffShares = {0.01, 0.15, 0.30, 0.38, 0.16, 0};
constexpr std::array<double, kGenerationCount> kVoiceShares = {0.08, 0.22, 0.20, 0.25, 0.25, 0};

constexpr std::array<double, kTieKindCount> kKindShares = {0.35, 0.10, 0.15, 0.10, 0.20, 0.10};
constexpr std::array<double, 3> kStrengthWithin = {0.45, 0.37, 0.18};
constexpr std::array<double, 3> kStrengthAcross = {0.60, 0.30, 0.10};
constexpr double kSecondKindShare = 0.12;  // pairs that also have a tie row of a second kind
constexpr double kFundingShare = 0.6;      // ties of a foundation that are one-way funding

std::string sector_code(const char* sector) { return std::string(sector, 3); }

// ---------------------------------------------------------------- the parts

struct Generator {
  const GenerateOptions& options;
  Community c;
  std::vector<double> weight;       // Chung-Lu weight per organization
  std::vector<uint32_t> table;      // organizations at the table, heaviest first

  Profile make_profile() const {
    Profile p;
    p.name = options.name.empty() ? "Synthetic County (seed " + std::to_string(options.seed) + ")" : options.name;
    p.population = options.population > 0 ? options.population
                                           : std::max<int64_t>(5000, int64_t(options.organizations) * 120);
    p.geography = p.population < 25000     ? Geography::small_rural
                  : p.population < 100000  ? Geography::small_urban
                  : p.population < 1000000 ? Geography::regional
                                           : Geography::large_urban;
    p.year = options.year;
    p.sectors = Profile::default_required_sectors();
    p.required_sector_count = p.sectors.size();
    for (auto& s : Profile::default_optional_sectors()) p.sectors.push_back(s);
    p.has_residents = true;
    const auto parts = apportion(p.population, kResidentShares);
    std::copy(parts.begin(), parts.end(), p.residents.begin());
    p.issue_areas = issue_areas();
    p.backbone_functions = Profile::default_backbone_functions();
    return p;
  }

  void make_organizations() {
    Random random(stream_seed(options.seed, 1));
    const uint32_t n = options.organizations;
    const auto& sectors = catalog();
    std::vector<double> shares;
    for (auto& s : sectors) shares.push_back(s.share);
    // Exact counts per sector, then a shuffle: shares hold even for small n.
    std::vector<SectorId> sector_of;
    sector_of.reserve(n);
    const auto counts = apportion(n, shares);
    for (size_t s = 0; s < counts.size(); ++s) sector_of.insert(sector_of.end(), size_t(counts[s]), SectorId(s));
    for (uint32_t i = n; i > 1; --i) std::swap(sector_of[i - 1], sector_of[random.below(i)]);

    // Pareto weights, capped at sqrt(total) as Chung-Lu graphs need.
    weight.resize(n);
    const double inverse = -1.0 / (options.degree_exponent - 1.0);
    double total = 0;
    for (double& w : weight) total += (w = std::pow(1.0 - random.uniform(), inverse));
    const double cap = std::sqrt(total);
    for (double& w : weight) w = std::min(w, cap);

    std::vector<std::vector<double>> kind_weights;
    for (auto& sc : sectors) {
      kind_weights.emplace_back();
      for (auto& k : sc.kinds) kind_weights.back().push_back(k.weight);
    }
    auto& rows = c.organizations.edit();
    rows.resize(n);
    const IssueAreaId area_count = IssueAreaId(c.profile.issue_areas.size());
    for (uint32_t i = 0; i < n; ++i) {
      Organization& o = rows[i];
      const SectorCatalog& sc = sectors[sector_of[i]];
      const OrgKind& kind = sc.kinds[random.pick(kind_weights[sector_of[i]])];
      o.id = sector_code(sc.sector) + "-" + std::to_string(i + 1);
      o.name = std::string(kPlaces[random.below(kPlaces.size())]) + " " +
               kind.names[random.below(uint32_t(kind.names.size()))];
      o.sector = sector_of[i];
      o.type = kind.type;
      if (random.chance(0.1)) {
        const SectorId other = SectorId(random.below(uint32_t(sectors.size())));
        if (other != o.sector) o.secondary_sectors.push_back(other);
      }
      o.issue_areas.push_back(sc.area);
      if (random.chance(0.25)) {
        const IssueAreaId other = IssueAreaId(random.below(uint32_t(area_count)));
        if (other != sc.area) o.issue_areas.push_back(other);
      }
      if (sc.served) {
        o.generations_served = sc.served;
      } else if (random.chance(0.5)) {
        const int first = random.between(0, kGenerationCount - 2);  // two or three neighbouring generations
        for (int g = first; g < std::min(kGenerationCount, first + random.between(2, 3)); ++g)
          o.generations_served = with(o.generations_served, Generation(g));
      }
    }
  }

  // Seats go to organizations in proportion to weight (hubs tend to sit at
  // the table): the Efraimidis-Spirakis weighted sample without replacement.
  void choose_table() {
    Random random(stream_seed(options.seed, 2));
    const uint32_t n = options.organizations;
    const uint32_t seats = std::min<uint32_t>(n, 12 + uint32_t(std::lround(2 * std::sqrt(double(n)))));
    std::vector<std::pair<double, uint32_t>> keys(n);
    for (uint32_t i = 0; i < n; ++i) keys[i] = {std::log(1.0 - random.uniform()) / weight[i], i};
    std::partial_sort(keys.begin(), keys.begin() + seats, keys.end(), std::greater<>());
    auto& rows = c.organizations.edit();
    for (uint32_t k = 0; k < seats; ++k) {
      table.push_back(keys[k].second);
      rows[keys[k].second].at_table = true;
    }
    std::stable_sort(table.begin(), table.end(), [&](uint32_t a, uint32_t b) { return weight[a] > weight[b]; });
  }

  void make_ties() {
    const uint32_t n = options.organizations;
    if (n < 2) return;
    Random random(stream_seed(options.seed, 3));
    const auto& orgs = c.organizations.rows();
    const size_t sector_count = catalog().size();
    // Compact copies of what the draws read: an Organization row is a cache
    // line or more, and 8,000,000 random reads of rows dominate otherwise.
    std::vector<uint8_t> sector(n), funder(n);
    for (uint32_t i = 0; i < n; ++i) {
      sector[i] = uint8_t(orgs[i].sector);
      funder[i] = orgs[i].type == OrgType::foundation;
    }
    std::vector<std::vector<uint32_t>> members(sector_count);
    std::vector<std::vector<double>> member_weights(sector_count);
    std::vector<double> sector_weight(sector_count, 0.0);
    for (uint32_t i = 0; i < n; ++i) {
      members[sector[i]].push_back(i);
      member_weights[sector[i]].push_back(weight[i]);
      sector_weight[sector[i]] += weight[i];
    }
    std::vector<AliasTable> within;
    for (size_t s = 0; s < sector_count; ++s)
      within.emplace_back(members[s].empty() ? std::vector<double>{1.0} : member_weights[s],
                          members[s].empty() ? std::vector<uint32_t>{0} : members[s]);
    // The other sectors in proportion to their weight, per sector.
    std::vector<std::vector<double>> across(sector_count, sector_weight);
    for (size_t s = 0; s < sector_count; ++s) across[s][s] = 0;
    const bool one_sector = std::count(sector_weight.begin(), sector_weight.end(), 0.0) + 1 >= long(sector_count);

    // Draw pairs, merge repeats (one sort), and top up what the merge removed.
    // A draw picks the first end's sector by weight, then the end within it
    // (together: an organization in proportion to its weight), then the other
    // end within the same sector or in proportion among the other sectors.
    const double max_pairs = double(n) * double(n - 1) / 2;
    const uint64_t wanted = uint64_t(std::ceil(std::min(max_pairs * 0.5,
                                              double(n) * options.ties_per_organization / (1 + kSecondKindShare))));
    int key_bits = 1;
    while ((uint64_t(1) << key_bits) < n) ++key_bits;
    std::vector<uint64_t> pairs;
    pairs.reserve(size_t(double(wanted) * 1.05) + 16);
    double keep_rate = 1.0;
    for (int round = 0; round < 8 && pairs.size() < wanted; ++round) {
      const size_t before = pairs.size();
      const uint64_t draws = uint64_t(double(wanted - before) / keep_rate) + 1;
      for (uint64_t k = 0; k < draws; ++k) {
        const size_t s = random.pick(sector_weight);
        const uint32_t a = within[s].sample(random);
        const size_t t = one_sector || random.chance(options.within_sector_share) ? s : random.pick(across[s]);
        const uint32_t b = within[t].sample(random);
        if (a == b) continue;
        pairs.push_back(uint64_t(std::min(a, b)) << key_bits | std::max(a, b));
      }
      radix_sort(pairs, 2 * key_bits);
      pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
      keep_rate = std::max(0.05, double(pairs.size() - std::min(pairs.size(), before)) / double(draws));
    }

    auto& ties = c.ties.edit();
    ties.reserve(size_t(double(pairs.size()) * (1 + 1.2 * kSecondKindShare)) + 64);
    for (uint64_t key : pairs) {
      const uint32_t a = uint32_t(key >> key_bits), b = uint32_t(key & ((uint64_t(1) << key_bits) - 1));
      const bool same = sector[a] == sector[b];
      Tie t;
      const bool flip = random.chance(0.5);
      t.source = flip ? b : a;
      t.target = flip ? a : b;
      const bool a_funds = funder[a], b_funds = funder[b];
      if ((a_funds || b_funds) && random.chance(kFundingShare)) {
        t.kind = TieKind::resources;
        t.directed = true;
        t.source = a_funds ? a : b;
        t.target = a_funds ? b : a;
        t.strength = uint8_t(random.between(2, 3));
      } else {
        t.kind = TieKind(random.pick(kKindShares));
        t.strength = uint8_t(1 + random.pick(same ? kStrengthWithin : kStrengthAcross));
      }
      t.confirmed = random.chance(0.85);
      if (random.chance(kSecondKindShare)) {
        Tie second;
        second.source = t.source;
        second.target = t.target;
        second.confirmed = t.confirmed;
        second.directed = false;
        do second.kind = TieKind(random.pick(kKindShares));
        while (second.kind == t.kind);
        second.strength = uint8_t(1 + random.pick(same ? kStrengthWithin : kStrengthAcross));
        ties.push_back(std::move(t));
        ties.push_back(std::move(second));
      } else {
        ties.push_back(std::move(t));
      }
    }
  }

  void make_people() {
    Random random(stream_seed(options.seed, 4));
    const auto& orgs = c.organizations.rows();
    const SectorId residents_sector = *c.profile.find_sector("residents");
    const int adult_until = options.year - 18;
    auto& people = c.people.edit();
    auto add = [&](int32_t org, bool at_table, std::span<const double> shares) {
      Person p;
      p.id = "p-" + std::to_string(people.size() + 1);
      p.name = std::string(kGivenNames[random.below(kGivenNames.size())]) + " " +
               kFamilyNames[random.below(kFamilyNames.size())];
      p.organization = org;
      p.generation = Generation(random.pick(shares));
      auto [first, last] = birth_years_of(p.generation);
      first = std::max(first, options.year - 90);
      last = std::min(last, adult_until);
      p.birth_year = random.between(first, std::max(first, last));
      p.generation = *generation_of_birth_year(p.birth_year);
      p.sector = org == kNoOrganization ? residents_sector : orgs[size_t(org)].sector;
      p.at_table = at_table;
      // Typed as well, so that the derived values survive edits and a save.
      p.at_table_cell = at_table;
      if (org == kNoOrganization) p.sector_cell = residents_sector;
      p.resident = random.chance(0.85);
      p.formal_leader = org != kNoOrganization && random.chance(0.8);
      people.push_back(std::move(p));
    };
    for (uint32_t i = 0; i < orgs.size(); ++i) {
      if (orgs[i].at_table) {
        add(int32_t(i), true, kTableShares);
        if (random.chance(0.3)) add(int32_t(i), true, kTableShares);
      } else if (random.chance(0.15)) {
        add(int32_t(i), false, kStaffShares);
      }
    }
    // Residents who sit at the table in their own name.
    const size_t voices = std::max<size_t>(1, table.size() / 10);
    for (size_t k = 0; k < voices; ++k) add(kNoOrganization, true, kVoiceShares);
  }

  // The first organization at the table (heaviest first) that `fits` and is
  // not in `taken`; otherwise the heaviest one not taken; otherwise none.
  template <class Fits>
  std::optional<uint32_t> seat(Fits fits, const std::vector<uint32_t>& taken) const {
    auto free = [&](uint32_t o) { return std::find(taken.begin(), taken.end(), o) == taken.end(); };
    for (uint32_t o : table)
      if (fits(c.organizations[o]) && free(o)) return o;
    for (uint32_t o : table)
      if (free(o)) return o;
    return std::nullopt;
  }

  void make_roles() {
    Random random(stream_seed(options.seed, 5));
    auto& roles = c.roles.edit();
    auto sector_is = [&](const char* name) {
      const SectorId s = *c.profile.find_sector(name);
      return [s](const Organization& o) { return o.sector == s; };
    };
    auto add = [&](uint32_t org, RoleKind kind, IssueAreaId area, FunctionId function, int16_t outcome,
                   RoleStatus status) {
      Role r;
      r.organization = org;
      r.kind = kind;
      r.issue_area = area;
      r.function = function;
      r.outcome = outcome;
      r.status = status;
      roles.push_back(r);
    };
    std::vector<uint32_t> taken;
    // One anchor, agreed, which also holds the education backbone as agreed...
    const auto anchor = seat(
        [](const Organization& o) { return o.type == OrgType::nonprofit || o.type == OrgType::foundation; }, taken);
    if (!anchor) return;
    taken.push_back(*anchor);
    add(*anchor, RoleKind::anchor, kNone, kWholeBackbone, kNone, RoleStatus::agreed);
    add(*anchor, RoleKind::backbone, kEducation, kWholeBackbone, kNone, RoleStatus::agreed);
    // ...which one to three education organizations contest.
    const int rivals = 1 + int(std::min<uint32_t>(2, options.organizations / 2000));
    for (int k = 0; k < rivals; ++k)
      if (auto o = seat(sector_is("education"), taken)) {
        taken.push_back(*o);
        add(*o, RoleKind::backbone, kEducation, kWholeBackbone, kNone, RoleStatus::claimed);
      }
    // Health splits the backbone functions: some agreed, some only claimed.
    const char* function_sectors[] = {"health", "government", "health", "residents", "philanthropy"};
    for (FunctionId f = 0; f < FunctionId(c.profile.backbone_functions.size()); ++f)
      if (auto o = seat(sector_is(function_sectors[f % 5]), taken)) {
        taken.push_back(*o);
        add(*o, RoleKind::backbone, kHealth, f, kNone, f < 2 ? RoleStatus::agreed : RoleStatus::claimed);
        if (f == 1) add(*o, RoleKind::data_partner, kHealth, kWholeBackbone, kNone, RoleStatus::agreed);
      }
    // A convener per education outcome; now and then a second one claims it too.
    const auto& outcomes = c.profile.issue_areas[kEducation].outcomes;
    for (int16_t k = 0; k < int16_t(outcomes.size()); ++k) {
      const int claimants = random.chance(0.3) ? 2 : 1;
      for (int j = 0; j < claimants; ++j)
        if (auto o = seat(sector_is(j == 0 ? "education" : "social_services"), taken)) {
          taken.push_back(*o);
          add(*o, RoleKind::convener, kEducation, kWholeBackbone, k,
              j == 0 && random.chance(0.6) ? RoleStatus::agreed : RoleStatus::claimed);
        }
    }
    // Investors: the funders at the table.
    for (uint32_t o : table)
      if (c.organizations[o].type == OrgType::foundation)
        add(o, RoleKind::investor, c.organizations[o].issue_areas.front(), kWholeBackbone, kNone,
            RoleStatus::agreed);
    // Practitioners: about half the table, and one in a hundred of the others.
    for (uint32_t o = 0; o < c.organizations.size(); ++o) {
      const Organization& org = c.organizations[o];
      if (random.chance(org.at_table ? 0.5 : 0.01))
        add(o, RoleKind::practitioner, org.issue_areas.front(), kWholeBackbone, kNone,
            random.chance(0.5) ? RoleStatus::agreed : RoleStatus::claimed);
    }
  }
};

}  // namespace

const std::vector<double>& synthetic_sector_shares() {
  static const std::vector<double> shares = [] {
    std::vector<double> s;
    for (auto& sc : catalog()) s.push_back(sc.share);
    return s;
  }();
  return shares;
}

Community generate_community(const GenerateOptions& options) {
  if (options.organizations < 1) throw std::invalid_argument("a community needs at least one organization");
  if (!(options.ties_per_organization >= 0 && options.ties_per_organization <= 1000))
    throw std::invalid_argument("ties per organization must be between 0 and 1000");
  if (!(options.within_sector_share >= 0 && options.within_sector_share <= 1))
    throw std::invalid_argument("the within-sector share must be between 0 and 1");
  if (!(options.degree_exponent > 2 && options.degree_exponent <= 4))
    throw std::invalid_argument("the degree exponent must be above 2 and at most 4");
  if (options.population < 0) throw std::invalid_argument("the population cannot be negative");
  if (options.year < 1950 || options.year > 2100) throw std::invalid_argument("the year must be 1950..2100");

  Generator g{options, {}, {}, {}};
  g.c.profile = g.make_profile();
  g.make_organizations();
  g.choose_table();
  g.make_ties();
  g.make_people();
  g.make_roles();
  return std::move(g.c);
}

}  // namespace tablemap
