// The map does not overwrite a community that another program saved since
// the map opened it: it says so and leaves the other program's save alone.
#include <catch2/catch.hpp>
#include <filesystem>

#include "io/bundle.hpp"
#include "io/sample_community.hpp"
#include "viz/map_view.hpp"

using namespace tablemap;
using namespace tablemap::viz;
using tablemap::test::ScratchFolder;

TEST_CASE("the map refuses to save over another program's save since it opened the file", "[map][save]") {
  ScratchFolder scratch("map-save");
  const std::string folder = scratch / "bundle";
  tablemap::test::write_sample_bundle(folder);
  AppState s;
  REQUIRE(open_community(s, folder));

  // Another program (here: another save) renames the community meanwhile.
  LoadResult other = load_bundle(folder);
  REQUIRE(other.ok());
  other.community->profile.name = "Saved by someone else";
  save_bundle(*other.community, folder);

  CHECK_FALSE(save_to(s, folder));
  CHECK_THAT(s.status, Catch::Contains("saved by another program since you opened it") &&
                           Catch::Contains("save as a copy"));
  CHECK(load_bundle(folder).community->profile.name == "Saved by someone else");

  // Saving as a copy works, and the copy is then the file being edited.
  const std::string copy = scratch / "copy";
  REQUIRE(save_to(s, copy));
  CHECK(s.path == copy);
  // Its own save is not taken for another program's.
  CHECK(save_to(s, copy));
}
