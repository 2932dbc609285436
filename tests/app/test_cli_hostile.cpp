// The CLI against hostile data and hostile targets: a name holding terminal
// escapes is shown, not obeyed; a problem with a NUL keeps what follows it;
// convert does not write a bundle into a folder that is not one.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "io/sample_community.hpp"
#include "support/cli_run.hpp"

using tablemap::test::read_text;
using tablemap::test::ScratchFolder;
using tablemap::test::write_text;
using tablemap::testing::run_cli;
namespace fs = std::filesystem;
using namespace std::string_literals;

TEST_CASE("names holding terminal escapes are printed with the escapes shown", "[cli][hostile]") {
  ScratchFolder scratch("cli-hostile");
  const std::string folder = scratch / "bundle";
  tablemap::test::write_sample_bundle(folder);
  // ESC [2J clears the screen, ESC ] 0 ; ... BEL retitles the terminal, C2 9B is a one-byte CSI.
  std::string orgs = read_text(folder + "/organizations.csv");
  orgs.replace(orgs.find("Millbrook Clinic"), 16, "Millbrook \x1b[2JClinic\x1b]0;owned\x07 \xC2\x9B" "5m");
  write_text(folder + "/organizations.csv", orgs);

  // metrics names the organizations whose departure cuts others off.
  auto r = run_cli("metrics " + folder, true);
  INFO(r.out);
  REQUIRE(r.code == 0);
  CHECK(r.out.find('\x1b') == std::string::npos);
  CHECK(r.out.find('\x07') == std::string::npos);
  CHECK(r.out.find("\xC2\x9B") == std::string::npos);
  CHECK(r.out.find("Millbrook \\x1b[2JClinic\\x1b]0;owned\\x07 \\u009b5m") != std::string::npos);
}

TEST_CASE("a problem naming a cell with a NUL is printed whole", "[cli][hostile]") {
  ScratchFolder scratch("cli-hostile");
  const std::string folder = scratch / "bundle";
  tablemap::test::write_sample_bundle(folder);
  // A tie to an unknown organization whose id holds a NUL: the message names it.
  std::string ties = read_text(folder + "/ties.csv");
  ties += "clinic,ghost\0town,information,2,no,\n"s;
  write_text(folder + "/ties.csv", ties);
  auto r = run_cli("validate " + folder, true);
  INFO(r.out);
  CHECK(r.code == 1);
  CHECK(r.out.find("nothing was loaded") != std::string::npos);
  CHECK(r.out.find('\0') == std::string::npos);
  CHECK(r.out.find("'ghost\\x00town' is not an organization") != std::string::npos);
}

TEST_CASE("convert does not write a bundle into a folder that is not a bundle", "[cli][hostile]") {
  ScratchFolder scratch("cli-hostile");
  const std::string riverbend = std::string(TABLEMAP_SOURCE_DIR) + "/datasets/riverbend";
  // `convert riverbend /` wrote five files into /.
  auto r = run_cli("convert " + riverbend + " /", true);
  CHECK(r.code == 1);
  CHECK(r.out.find("not a bundle folder") != std::string::npos);
  CHECK_FALSE(fs::exists("/community.json"));
  r = run_cli("convert " + riverbend + " / --force", true);
  CHECK(r.code == 1);
  CHECK(r.out.find("top folder of the disk") != std::string::npos);
  CHECK_FALSE(fs::exists("/community.json"));

  const std::string photos = scratch / "photos";
  fs::create_directory(photos);
  write_text(photos + "/picnic.jpg", "jpeg");
  r = run_cli("convert " + riverbend + " " + photos, true);
  CHECK(r.code == 1);
  CHECK(r.out.find("picnic.jpg") != std::string::npos);
  CHECK(r.out.find("--force") != std::string::npos);
  CHECK_FALSE(fs::exists(photos + "/community.json"));
  r = run_cli("convert " + riverbend + " " + photos + " --force", true);
  INFO(r.out);
  CHECK(r.code == 0);
  CHECK(fs::exists(photos + "/community.json"));
  CHECK(read_text(photos + "/picnic.jpg") == "jpeg");
}

TEST_CASE("a header repeating one name 20,000 times prints five of its problems and a count", "[cli][hostile]") {
  ScratchFolder scratch("cli-hostile");
  const std::string folder = scratch / "bundle";
  tablemap::test::write_sample_bundle(folder);
  // 19,999 repeats of column 1's name printed 19,999 near-identical lines.
  std::string header = "x";
  for (int c = 1; c < 20000; ++c) header += ",x";
  write_text(folder + "/organizations.csv", header + "\nclinic\n");
  auto r = run_cli("validate " + folder, true);
  CHECK(r.code == 1);
  const std::string file = folder + "/organizations.csv";
  const std::string expected = file + ":1: column 2 repeats column 1, 'x'; rename or delete one of them\n" +
                               file + ":1: column 3 repeats column 1, 'x'; rename or delete one of them\n" +
                               file + ":1: column 4 repeats column 1, 'x'; rename or delete one of them\n" +
                               file + ":1: column 5 repeats column 1, 'x'; rename or delete one of them\n" +
                               file + ":1: column 6 repeats column 1, 'x'; rename or delete one of them\n" +
                               file + ":1: ... and 19,994 more columns that repeat column 1, 'x'\n";
  INFO(r.out.substr(0, 3000));
  CHECK(r.out.find(expected) != std::string::npos);
  // The required columns are missing as well, each said once; every problem is counted, in thousands.
  CHECK(r.out.find("the header has no 'id' column") != std::string::npos);
  CHECK(r.out.find("the header has no 'sector' column") != std::string::npos);
  CHECK(r.out.find("tablemap: 20,0") != std::string::npos);
  CHECK(r.out.find(" problems in " + folder + "; nothing was loaded") != std::string::npos);
  size_t lines = 0;
  for (char c : r.out) lines += c == '\n';
  CHECK(lines < 50);
}
