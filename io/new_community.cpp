#include "io/new_community.hpp"

#include <ctime>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "io/atomic_folder.hpp"
#include "io/bundle.hpp"
#include "io/codec.hpp"
#include "io/csv.hpp"
#include "io/load.hpp"
#include "io/workbook_write.hpp"

namespace tablemap {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kExampleNote = "Example row: replace it with your own, or delete it";

int this_year() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  return tm.tm_year + 1900;
}

bool ends_with_xlsx(const std::string& path) {
  return path.size() >= 5 && equals_ignore_case(std::string_view(path).substr(path.size() - 5), ".xlsx");
}

std::string dump_list(const std::vector<std::string>& names) { return nlohmann::json(names).dump(); }

}  // namespace

Community new_community_template(const NewCommunityOptions& options) {
  Community c;
  Profile& p = c.profile;
  p.name = options.name;
  p.geography = options.geography;
  p.population = options.population;
  p.year = options.year ? options.year : this_year();
  p.sectors = Profile::default_required_sectors();
  p.required_sector_count = p.sectors.size();
  for (const auto& s : Profile::default_optional_sectors()) p.sectors.push_back(s);
  p.backbone_functions = Profile::default_backbone_functions();
  p.issue_areas.push_back({"health", "Health status (an example issue area: rename it or add yours)",
                           {"fewer_er_visits"}});
  const SectorId health = *p.find_sector("health"), education = *p.find_sector("education");

  const std::string note(kExampleNote);
  c.organizations.edit_extra_columns() = {"notes"};
  Organization clinic;
  clinic.id = "example-clinic";
  clinic.name = "Example Family Clinic";
  clinic.sector = health;
  clinic.type = OrgType::nonprofit;
  clinic.at_table = true;
  clinic.issue_areas = {0};
  clinic.extra = {note};
  Organization school = clinic;
  school.id = "example-school";
  school.name = "Example Elementary School";
  school.sector = education;
  school.type = OrgType::school;
  school.at_table = false;
  school.issue_areas = {};
  school.generations_served = with(0, Generation::gen_alpha);
  c.organizations.edit() = {clinic, school};

  c.people.edit_extra_columns() = {"notes"};
  Person person;
  person.id = "example-person";
  person.name = "Example Person";
  person.organization = 0;
  person.birth_year = 1975;
  person.generation = Generation::gen_x;
  person.sector = health;
  person.extra = {note};
  c.people.edit() = {person};

  c.ties.edit_extra_columns() = {"notes"};
  Tie tie;
  tie.source = 0;
  tie.target = 1;
  tie.kind = TieKind::referral;
  tie.strength = 2;
  tie.extra = {note};
  c.ties.edit() = {tie};

  c.roles.edit_extra_columns() = {"notes"};
  Role role;
  role.organization = 0;
  role.kind = RoleKind::convener;
  role.issue_area = 0;
  role.extra = {note};
  c.roles.edit() = {role};
  return c;
}

std::vector<std::string> how_to_fill_in(bool workbook) {
  const std::string where_profile = workbook ? "the Community sheet" : "community.json";
  const std::string org = workbook ? "the Organizations sheet" : "organizations.csv";
  const std::string people = workbook ? "the People sheet" : "people.csv";
  const std::string ties = workbook ? "the Ties sheet" : "ties.csv";
  const std::string roles = workbook ? "the Roles sheet" : "roles.csv";
  const std::string areas = workbook ? "the Issue areas sheet" : "\"issue_areas\" in community.json";
  std::vector<std::string> lines = {
      "How to fill this in",
      "",
      "1. In " + where_profile + ", give the community's name, population and geography, and the residents of "
          "each generation (from the census) if you have them; leave a value blank to keep its default.",
      "2. In " + areas + ", list the issue areas the partnership works on, each with an id such as "
          "'education' and the outcomes it tracks.",
      "3. In " + org + ", one row per organization: a short id (letters, digits, _ - .), its name, its "
          "sector (health, education, business, government, social_services, safety, or one of the optional "
          "sectors), and at_table yes when it sits at the leadership table.",
      "4. In " + people + ", the people at or near the table: their organization (id or name), birth year or "
          "generation (or unknown), and at_table.",
      "5. In " + ties + ", who works with whom: source and target organizations, the kind (information, "
          "resources, joint_programming, data_sharing, referral, formal_agreement) and a strength from 1 to 3.",
      "6. In " + roles + ", who plays which part: backbone (with a function such as data, or all), convener, "
          "anchor, investor, practitioner or data_partner, for an issue area.",
      "",
      "Each table has one example row marked in its notes column: replace it with your own rows, or delete it.",
      "Extra columns you add (website, contact, notes) are kept.",
      "",
      "Then check and see the gaps:",
      std::string("  tablemap validate ") + (workbook ? "BOOK.xlsx" : "FOLDER"),
      std::string("  tablemap gaps ") + (workbook ? "BOOK.xlsx" : "FOLDER"),
      "Every problem is listed with the " + std::string(workbook ? "sheet and row" : "file and line") +
          " to fix.",
  };
  return lines;
}

std::string new_community_json(const Profile& p) {
  using nlohmann::json;
  std::vector<std::string> required(p.sectors.begin(), p.sectors.begin() + long(p.required_sector_count));
  std::vector<std::string> optional(p.sectors.begin() + long(p.required_sector_count), p.sectors.end());
  std::string t = "{\n";
  t += "  // The community's name as reports should show it.\n";
  t += "  \"name\": " + json(p.name).dump() + ",\n";
  t += "  // small rural | large rural | small urban | large urban | suburban | regional\n";
  if (p.geography == Geography::unspecified)
    t += "  // \"geography\": \"small rural\",\n";
  else
    t += "  \"geography\": " + json(std::string(to_string(p.geography))).dump() + ",\n";
  t += "  // Residents of the community.\n";
  t += "  \"population\": " + std::to_string(p.population) + ",\n";
  t += "  // The year this snapshot describes.\n";
  t += "  \"year\": " + std::to_string(p.year) + ",\n";
  t += "  // The key sectors that must be at the table, and the others an organization may belong to.\n";
  t += "  \"sectors\": {\n    \"required\": " + dump_list(required) + ",\n    \"optional\": " + dump_list(optional) +
       "\n  },\n";
  t += "  // Residents per generation (census figures): fill in every number and remove the // in front\n";
  t += "  // of the four lines, so that the table can be compared with the residents.\n";
  t += "  // \"generations\": {\n  //   ";
  for (Generation g : kAllGenerations) t += "\"" + std::string(to_string(g)) + "\": , ";
  t.resize(t.size() - 2);
  t += "\n  // },\n";
  t += "  // The issue areas the partnership works on, each with the outcomes it tracks.\n";
  t += "  \"issue_areas\": [\n";
  for (size_t i = 0; i < p.issue_areas.size(); ++i) {
    const IssueArea& a = p.issue_areas[i];
    t += "    {\"id\": " + json(a.id).dump() + ", \"name\": " + json(a.name).dump() +
         ", \"outcomes\": " + dump_list(a.outcomes) + "}" + (i + 1 < p.issue_areas.size() ? "," : "") + "\n";
  }
  t += "  ],\n";
  t += "  // The shared backbone functions (leadership, data, facilitation, mobilization, investment).\n";
  t += "  \"backbone_functions\": " + dump_list(p.backbone_functions) + "\n";
  t += "}\n";
  return t;
}

void write_new_community(const NewCommunityOptions& options, const std::string& path) {
  std::error_code ec;
  if (fs::exists(path, ec)) {
    const bool empty = fs::is_directory(path, ec) ? fs::is_empty(path, ec) : fs::file_size(path, ec) == 0;
    if (!empty)
      throw SaveError(path + " already exists and is not empty; nothing was written. Give the name of a new " +
                      (ends_with_xlsx(path) ? "workbook" : "folder"));
  }
  const Community c = new_community_template(options);
  if (ends_with_xlsx(path)) {
    SheetContent readme{"How to fill this in", {}, {}, true};
    const auto lines = how_to_fill_in(true);
    readme.header = {lines.front()};
    for (size_t i = 1; i < lines.size(); ++i) readme.rows.push_back({lines[i]});
    std::vector<SheetContent> sheets = {readme};
    for (auto& s : workbook_sheets(c)) sheets.push_back(std::move(s));
    write_workbook(sheets, {c.profile.name, c.profile.year}, path);
    return;
  }
  // The bundle's files, with a community.json that explains itself, and a README.md.
  std::vector<FolderFile> files = bundle_files(c);
  for (FolderFile& f : files)
    if (f.name == "community.json") f.content = new_community_json(c.profile);
  std::string readme = "# " + c.profile.name + "\n\n";
  for (const auto& line : how_to_fill_in(false)) readme += (line == "How to fill this in" ? "## " + line : line) + "\n";
  files.push_back({"README.md", readme});
  write_folder_atomically(path, files, {});
}

}  // namespace tablemap
