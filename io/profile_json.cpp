// community.json <-> Profile. Problems name the line of the offending key.
#include <ctime>
#include <limits>
#include <set>

#include "io/codec.hpp"
#include "io/csv.hpp"
#include "io/json_limits.hpp"
#include "io/suggest.hpp"

namespace tablemap {

namespace {

using json = nlohmann::json;

int this_calendar_year() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  return tm.tm_year + 1900;
}

size_t line_at(std::string_view text, size_t offset) {
  size_t line = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) line += text[i] == '\n';
  return line;
}

// The line where `"needle"` first appears at or after `from` (1 when absent).
size_t line_of_quoted(std::string_view text, std::string_view needle, size_t from = 0) {
  std::string quoted = "\"" + std::string(needle) + "\"";
  size_t at = text.find(quoted, from);
  return at == std::string_view::npos ? 1 : line_at(text, at);
}

std::string type_name(const json& j) {
  if (j.is_string()) return "text";
  if (j.is_number()) return "a number";
  if (j.is_array()) return "a list";
  if (j.is_object()) return "an object";
  if (j.is_boolean()) return "true/false";
  return "null";
}

class ProfileParser {
 public:
  ProfileParser(std::string_view text, const std::string& file, Problems& problems)
      : text_(text), file_(file), problems_(problems) {}

  std::optional<Profile> parse() {
    const size_t before = problems_.size();
    if (size_t bad = find_invalid_utf8(text_); bad != std::string_view::npos) {
      problem(line_at(text_, bad), "this line is not valid UTF-8 text; save the file as UTF-8");
      return std::nullopt;
    }
    if (!check_json_limits(text_, file_, problems_)) return std::nullopt;
    json root;
    try {
      root = json::parse(text_.begin(), text_.end(), nullptr, true, /*ignore_comments=*/true);
    } catch (const json::parse_error& e) {
      std::string what = e.what();
      // Drop nlohmann's "[json.exception.parse_error.101] parse error at line 3, column 5: " prefix.
      if (size_t colon = what.find(": "); colon != std::string::npos && what.find("column") < colon)
        what = what.substr(colon + 2);
      const size_t offset = e.byte > 0 ? e.byte - 1 : 0;
      problem(line_at(text_, offset), "community.json is not valid JSON: " + what);
      return std::nullopt;
    } catch (const json::out_of_range& e) {
      // check_json_limits reports numbers too large with their line first;
      // should the reader still refuse a number, say so rather than crash.
      std::string what = e.what();
      if (size_t bracket = what.find("] "); bracket != std::string::npos) what = what.substr(bracket + 2);
      problem(1, "community.json cannot be read: " + what + "; write the real figure");
      return std::nullopt;
    }
    if (!root.is_object()) {
      problem(1, "community.json must be one JSON object { ... }");
      return std::nullopt;
    }

    Profile p;
    p.year = this_calendar_year();
    for (auto it = root.begin(); it != root.end(); ++it) {
      const std::string& key = it.key();
      const json& v = it.value();
      if (key == "name") read_name(v, p);
      else if (key == "geography") read_geography(v, p);
      else if (key == "population") read_integer(key, v, 0, int64_t(1) << 40, p.population);
      else if (key == "year") {
        int64_t year = 0;
        if (read_integer(key, v, 1900, 2200, year)) p.year = int(year);
      } else if (key == "sectors") continue;  // after the loop: needs both lists
      else if (key == "generations") read_generations(v, p);
      else if (key == "issue_areas") read_issue_areas(v, p);
      else if (key == "backbone_functions") read_functions(v, p);
      else if (key == "thresholds") read_thresholds(v, p);
      else if (key == "seated_generations") read_seated_generations(v, p);
      else p.extra[key] = v;
    }
    if (!root.contains("name")) problem(1, "community.json has no \"name\"; add the community's name");
    read_sectors(root.contains("sectors") ? root["sectors"] : json::object(), p);
    if (!root.contains("backbone_functions")) p.backbone_functions = Profile::default_backbone_functions();
    // Each list is indexed by a small integer type (core/community.hpp).
    at_most("sectors", p.sectors.size(), std::numeric_limits<SectorId>::max());  // the largest means "none"
    at_most("issue_areas", p.issue_areas.size(), size_t(std::numeric_limits<IssueAreaId>::max()) + 1);
    at_most("backbone_functions", p.backbone_functions.size(), size_t(std::numeric_limits<FunctionId>::max()) + 1);
    for (const IssueArea& area : p.issue_areas)
      at_most("outcomes", area.outcomes.size(), size_t(std::numeric_limits<decltype(Role::outcome)>::max()) + 1);
    if (problems_.size() != before) {
      sort_problems_by_line(problems_);
      return std::nullopt;
    }
    return p;
  }

 private:
  void at_most(const std::string& key, size_t count, size_t limit) {
    if (count > limit)
      problem(line_of(key), "\"" + key + "\" lists " + std::to_string(count) + " entries; tablemap handles at most " +
                                std::to_string(limit));
  }

  void problem(size_t line, std::string message) { problems_.push_back({file_, line, std::move(message)}); }
  size_t line_of(std::string_view key) const { return line_of_quoted(text_, key); }

  void read_name(const json& v, Profile& p) {
    if (!v.is_string() || v.get<std::string>().empty())
      problem(line_of("name"), "\"name\" must be the community's name as text");
    else
      p.name = v.get<std::string>();
  }

  void read_geography(const json& v, Profile& p) {
    auto g = v.is_string() ? parse_geography(v.get<std::string>()) : std::nullopt;
    if (!g)
      problem(line_of("geography"),
              "\"geography\" must be one of: small rural, large rural, small urban, large urban, suburban, regional");
    else
      p.geography = *g;
  }

  bool read_integer(const std::string& key, const json& v, int64_t lo, int64_t hi, int64_t& out) {
    if (!v.is_number_integer() || v.get<int64_t>() < lo || v.get<int64_t>() > hi) {
      problem(line_of(key), "\"" + key + "\" must be a whole number from " + std::to_string(lo) + " to " +
                                std::to_string(hi) + ", not " + v.dump());
      return false;
    }
    out = v.get<int64_t>();
    return true;
  }

  // A list of distinct non-empty strings.
  std::optional<std::vector<std::string>> read_names(const std::string& key, const json& v, size_t from = 0) {
    auto line = [&] { return line_of_quoted(text_, key, from); };  // only for a problem: a search of the text
    if (!v.is_array()) {
      problem(line(), "\"" + key + "\" must be a list of names, like [\"a\", \"b\"], not " + type_name(v));
      return std::nullopt;
    }
    std::vector<std::string> names;
    std::set<std::string> seen;
    bool ok = true;
    for (const json& item : v) {
      if (!item.is_string() || item.get<std::string>().empty()) {
        problem(line(), "\"" + key + "\" must list names as text; found " + item.dump());
        ok = false;
        continue;
      }
      std::string name = item.get<std::string>();
      if (!seen.insert(name).second) {
        problem(line_of_quoted(text_, name, from), "\"" + name + "\" is listed twice in \"" + key + "\"");
        ok = false;
      }
      names.push_back(name);
    }
    return ok ? std::optional(names) : std::nullopt;
  }

  void read_sectors(const json& v, Profile& p) {
    if (!v.is_object()) {
      problem(line_of("sectors"), "\"sectors\" must be an object with \"required\" and \"optional\" lists");
      return;
    }
    const size_t from = text_.find("\"sectors\"") == std::string_view::npos ? 0 : text_.find("\"sectors\"");
    std::vector<std::string> required = Profile::default_required_sectors();
    std::vector<std::string> optional = Profile::default_optional_sectors();
    if (v.contains("required")) {
      if (auto names = read_names("required", v["required"], from)) required = *names;
    }
    if (v.contains("optional")) {
      if (auto names = read_names("optional", v["optional"], from)) optional = *names;
    }
    for (auto it = v.begin(); it != v.end(); ++it)
      if (it.key() != "required" && it.key() != "optional")
        problem(line_of_quoted(text_, it.key(), from),
                "\"sectors\" takes only \"required\" and \"optional\", not \"" + it.key() + "\"");
    const std::set<std::string> required_set(required.begin(), required.end());
    for (const auto& o : optional)
      if (required_set.count(o))
        problem(line_of_quoted(text_, o, from), "sector \"" + o + "\" is both required and optional");
    p.sectors = required;
    p.required_sector_count = required.size();
    p.sectors.insert(p.sectors.end(), optional.begin(), optional.end());
  }

  void read_generations(const json& v, Profile& p) {
    if (!v.is_object()) {
      problem(line_of("generations"),
              "\"generations\" must be an object of residents per generation, like {\"gen_z\": 1400}");
      return;
    }
    const size_t from = text_.find("\"generations\"");
    for (auto it = v.begin(); it != v.end(); ++it) {
      auto g = parse_generation(it.key());
      const size_t line = line_of_quoted(text_, it.key(), from);
      if (!g) {
        problem(line, "\"" + it.key() + "\" is not a generation; use silent, boomers, gen_x, millennials, gen_z, gen_alpha");
        continue;
      }
      if (!it.value().is_number_integer() || it.value().get<int64_t>() < 0) {
        problem(line, "residents of " + it.key() + " must be a whole number of people, not " + it.value().dump());
        continue;
      }
      p.residents[size_t(*g)] = it.value().get<int64_t>();
    }
    p.has_residents = true;
  }

  void read_seated_generations(const json& v, Profile& p) {
    const auto names = read_names("seated_generations", v);
    if (!names) return;
    GenerationSet seated = 0;
    for (const auto& n : *names) {
      if (auto g = parse_generation(n)) seated = with(seated, *g);
      else
        problem(line_of_quoted(text_, n, text_.find("\"seated_generations\"")),
                "\"" + n + "\" in \"seated_generations\" is not a generation; use silent, boomers, gen_x, millennials, gen_z, gen_alpha");
    }
    p.seated_generations = seated;
  }

  void read_issue_areas(const json& v, Profile& p) {
    const size_t from = text_.find("\"issue_areas\"");
    if (!v.is_array()) {
      problem(line_of("issue_areas"), "\"issue_areas\" must be a list of {\"id\": ..., \"name\": ...} objects");
      return;
    }
    std::set<std::string> ids;
    size_t cursor = from;
    for (const json& item : v) {
      if (!item.is_object() || !item.contains("id") || !item["id"].is_string() ||
          item["id"].get<std::string>().empty()) {
        problem(line_of_quoted(text_, "issue_areas"), "every issue area needs an \"id\" (text), found " + item.dump());
        continue;
      }
      IssueArea area;
      area.id = item["id"].get<std::string>();
      // Ids come in the text's order: a cursor that only moves forward keeps
      // the searches linear; lines are only counted for a problem.
      if (size_t at = text_.find("\"" + area.id + "\"", cursor); at != std::string_view::npos) cursor = at;
      auto line = [&] { return line_at(text_, cursor); };
      if (!ids.insert(area.id).second) problem(line(), "issue area \"" + area.id + "\" is listed twice");
      area.name = item.contains("name") && item["name"].is_string() ? item["name"].get<std::string>() : area.id;
      if (item.contains("outcomes")) {
        if (auto outcomes = read_names("outcomes", item["outcomes"], cursor))
          area.outcomes = *outcomes;
      }
      for (auto it = item.begin(); it != item.end(); ++it)
        if (it.key() != "id" && it.key() != "name" && it.key() != "outcomes")
          problem(line(), "issue area \"" + area.id + "\" has an unknown key \"" + it.key() +
                            "\" (use id, name, outcomes)");
      p.issue_areas.push_back(std::move(area));
    }
  }

  void read_functions(const json& v, Profile& p) {
    if (auto names = read_names("backbone_functions", v)) {
      if (names->empty()) problem(line_of("backbone_functions"), "\"backbone_functions\" must name at least one function");
      for (const auto& n : *names)
        if (n == "all")
          problem(line_of("backbone_functions"), "\"all\" cannot be a backbone function: it means the whole backbone role");
      p.backbone_functions = *names;
    }
  }

  void read_thresholds(const json& v, Profile& p) {
    if (!v.is_object()) {
      problem(line_of("thresholds"), "\"thresholds\" must be an object");
      return;
    }
    for (auto it = v.begin(); it != v.end(); ++it) {
      const size_t line = line_of(it.key());
      if (it.key() == "min_per_required_sector") {
        if (!it.value().is_number_integer() || it.value().get<int>() < 1)
          problem(line, "\"min_per_required_sector\" must be a whole number of seats, 1 or more");
        else
          p.thresholds.min_per_required_sector = it.value().get<int>();
      } else if (it.key() == "generation_ratio_floor") {
        if (!it.value().is_number() || it.value().get<double>() <= 0 || it.value().get<double>() > 1)
          problem(line, "\"generation_ratio_floor\" must be a number above 0 and at most 1 (e.g. 0.5)");
        else
          p.thresholds.generation_ratio_floor = it.value().get<double>();
      } else {
        problem(line, "unknown threshold \"" + it.key() +
                          "\" (use min_per_required_sector, generation_ratio_floor)");
      }
    }
  }

  std::string_view text_;
  const std::string& file_;
  Problems& problems_;
};

}  // namespace

std::optional<Profile> parse_profile(std::string_view text, const std::string& file, Problems& problems) {
  return ProfileParser(text, file, problems).parse();
}

nlohmann::json profile_to_json(const Profile& p) {
  json j = json::object();
  j["name"] = p.name;
  if (p.geography != Geography::unspecified) j["geography"] = std::string(to_string(p.geography));
  j["population"] = p.population;
  j["year"] = p.year;
  std::vector<std::string> required(p.sectors.begin(), p.sectors.begin() + long(p.required_sector_count));
  std::vector<std::string> optional(p.sectors.begin() + long(p.required_sector_count), p.sectors.end());
  j["sectors"] = {{"required", required}, {"optional", optional}};
  if (p.has_residents) {
    json g = json::object();
    for (Generation gen : kAllGenerations) g[std::string(to_string(gen))] = p.residents[size_t(gen)];
    j["generations"] = g;
  }
  json areas = json::array();
  for (const auto& a : p.issue_areas) {
    json area = {{"id", a.id}, {"name", a.name}};
    if (!a.outcomes.empty()) area["outcomes"] = a.outcomes;
    areas.push_back(area);
  }
  j["issue_areas"] = areas;
  j["backbone_functions"] = p.backbone_functions;
  if (p.seated_generations != Profile::default_seated_generations()) {
    json seated = json::array();
    for (Generation gen : kAllGenerations)
      if (contains(p.seated_generations, gen)) seated.push_back(std::string(to_string(gen)));
    j["seated_generations"] = seated;
  }
  j["thresholds"] = {{"min_per_required_sector", p.thresholds.min_per_required_sector},
                     {"generation_ratio_floor", p.thresholds.generation_ratio_floor}};
  for (auto it = p.extra.begin(); it != p.extra.end(); ++it) j[it.key()] = it.value();
  return j;
}

}  // namespace tablemap
