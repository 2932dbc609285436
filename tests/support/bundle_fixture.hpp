// Writes small bundles into temporary folders, so that a test keeps its input
// data right next to the expected answer.
#pragma once

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>

#include "io/load.hpp"

namespace tablemap::testing {

// A fresh empty folder under the system temp folder, removed when destroyed.
class TempFolder {
 public:
  TempFolder() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() / ("tablemap-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempFolder() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  std::string path() const { return path_.string(); }
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  void write(const std::string& name, const std::string& content) const {
    std::ofstream(path_ / name, std::ios::binary) << content;
  }

 private:
  std::filesystem::path path_;
};

// A valid little community: five organizations in four sectors, three people,
// five tie rows (two naming the same pair), four roles.
inline std::map<std::string, std::string> valid_bundle_files() {
  return {
      {"community.json", R"({
  // A made-up small town for tests.
  "name": "Test Hollow",
  "geography": "small rural",
  "population": 7500,
  "year": 2026,
  "generations": {"silent": 600, "boomers": 1700, "gen_x": 1400, "millennials": 1500, "gen_z": 1400, "gen_alpha": 900},
  "issue_areas": [
    {"id": "education", "name": "Cradle to career", "outcomes": ["kindergarten_readiness", "hs_graduation"]},
    {"id": "health", "name": "Health status"}
  ]
}
)"},
      {"organizations.csv",
       "id,name,sector,secondary_sectors,type,at_table,issue_areas,generations_served,website\n"
       "clinic,Hollow Family Clinic,health,social_services,nonprofit,yes,health,boomers;silent,clinic.example\n"
       "school,Hollow Unified Schools,education,,school,yes,education,gen_z;gen_alpha,\n"
       "bank,First Hollow Bank,business,philanthropy,business,no,,,\n"
       "county,Hollow County Office,government,,public_agency,no,health;education,,\n"
       "library,Hollow Public Library,education,arts_culture,public_agency,no,education,,\n"},
      {"people.csv",
       "id,name,organization,birth_year,generation,sector,at_table,resident,formal_leader\n"
       "p1,Ada Vance,clinic,1958,,,yes,yes,yes\n"
       "p2,Bo Lind,bank,,gen_x,,yes,no,yes\n"
       "p3,Cy Oakes,,2001,gen_z,residents,yes,yes,no\n"},
      {"ties.csv",
       "source,target,kind,strength,directed,confirmed\n"
       "clinic,school,information,2,no,yes\n"
       "school,clinic,referral,3,no,yes\n"
       "bank,school,resources,1,yes,no\n"
       "county,clinic,formal_agreement,2,no,yes\n"
       "library,school,joint_programming,1,no,yes\n"},
      {"roles.csv",
       "organization,role,issue_area,function,outcome,status\n"
       "school,backbone,education,all,,agreed\n"
       "library,backbone,education,data,,claimed\n"
       "clinic,convener,health,,,claimed\n"
       "county,anchor,,,,agreed\n"},
  };
}

// Writes `files` (with `changes` replacing or adding files) into a bundle folder.
inline void write_bundle(const TempFolder& folder, std::map<std::string, std::string> files,
                         const std::map<std::string, std::string>& changes = {}) {
  for (const auto& [name, content] : changes) files[name] = content;
  for (const auto& [name, content] : files)
    if (content != "<absent>") folder.write(name, content);
}

}  // namespace tablemap::testing
