// Shared by the io tests: a scratch folder and a small invented community
// written as a bundle, with everything a round trip can lose: unknown columns
// (one of them empty everywhere), quotes, commas, a line break inside a cell,
// non-ASCII text, repeated ties between one pair, and an unknown profile key.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace tablemap::test {

// A fresh folder under the system's temporary folder, removed afterwards.
class ScratchFolder {
 public:
  explicit ScratchFolder(const std::string& tag) {
    path_ = std::filesystem::temp_directory_path() /
            ("tablemap-" + tag + "-" + std::to_string(getpid()) + "-" + std::to_string(counter()++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchFolder() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  static int& counter() {
    static int n = 0;
    return n;
  }
  std::filesystem::path path_;
};

inline void write_text(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Millbrook Valley (invented): 4 organizations, 3 people, 4 tie rows, 3 roles.
inline void write_sample_bundle(const std::string& folder, int year = 2025) {
  std::filesystem::create_directories(folder);
  write_text(folder + "/community.json", R"({
  // an invented community for the io tests
  "name": "Millbrook Valley",
  "geography": "small rural",
  "population": 7400,
  "year": )" + std::to_string(year) + R"(,
  "issue_areas": [
    { "id": "education", "name": "Cradle to career",
      "outcomes": ["kindergarten_readiness", "hs_graduation"] }
  ],
  "funder_note": { "kept": "as it is" }
}
)");
  write_text(folder + "/organizations.csv",
             "id,name,sector,type,at_table,issue_areas,website,notes,blank\n"
             "clinic,Millbrook Clinic,health,nonprofit,yes,education,https://clinic.example,"
             "\"Open \"\"late\"\" on Fridays, mostly\",\n"
             "school,Valley Elementary,education,school,no,education,,\"Two lines:\nsecond line\",\n"
             "bank,Harvest Savings & Loan,business,business,no,,https://bank.example,"
             "Caf\xC3\xA9 owner\xE2\x80\x99s bank,\n"
             "church,Grace Fellowship,faith,faith,no,,,,\n");
  write_text(folder + "/people.csv",
             "id,name,organization,birth_year,sector,at_table,pronouns\n"
             "p1,Avery Stone,clinic,1979,,yes,they/them\n"
             "p2,Jordan Reyes,,1999,residents,yes,\n"
             "p3,Sam Okafor,bank,1960,,no,he/him\n");
  write_text(folder + "/ties.csv",
             "source,target,kind,strength,directed,since\n"
             "clinic,school,information,2,no,2019\n"
             "clinic,school,resources,3,no,\n"
             "bank,school,resources,2,yes,2021\n"
             "church,clinic,referral,1,no,\n");
  write_text(folder + "/roles.csv",
             "organization,role,issue_area,function,outcome,status,comment\n"
             "clinic,backbone,education,data,,agreed,\"we host the dashboard, for now\"\n"
             "school,convener,education,,kindergarten_readiness,claimed,\n"
             "bank,investor,,,,claimed,\n");
}

}  // namespace tablemap::test
