// Trainer captions' Markdown, parsed by md4c into blocks (viz/markdown.hpp):
// what a caption in datasets/*/story.md uses, checked block by block.
#include <catch2/catch.hpp>

#include "viz/markdown.hpp"

using namespace tablemap::viz;

TEST_CASE("bold, code, headings and lists become styled blocks, without the Markdown marks") {
  const auto blocks = parse_markdown(
      "## Two empty seats\n\nThe **business** sector has\nno seat: see `rb-bank`.\n\n"
      "- the Savings Bank\n- the *Feed* store\n\n1. first\n2. second\n");
  REQUIRE(blocks.size() == 6);
  CHECK(blocks[0].kind == MarkdownBlock::Kind::heading);
  CHECK(blocks[0].runs.size() == 1);
  CHECK(blocks[0].runs[0].bold);
  CHECK(blocks[0].runs[0].text == "Two empty seats");
  // The paragraph: "The ", "business" (bold), " sector has no seat: see ", "rb-bank" (code), "."
  const MarkdownBlock& p = blocks[1];
  CHECK(p.kind == MarkdownBlock::Kind::paragraph);
  REQUIRE(p.runs.size() == 5);
  CHECK(p.runs[1].text == "business");
  CHECK(p.runs[1].bold);
  CHECK(p.runs[2].text == " sector has no seat: see ");  // the line break is a space
  CHECK(p.runs[3].code);
  CHECK(p.runs[3].text == "rb-bank");
  CHECK(blocks[2].kind == MarkdownBlock::Kind::list_item);
  CHECK(blocks[2].marker == "\xe2\x80\xa2");
  CHECK(blocks[3].runs[1].emphasis);
  CHECK(blocks[4].marker == "1.");
  CHECK(blocks[5].marker == "2.");
  CHECK(markdown_plain(blocks) ==
        "Two empty seats\nThe business sector has no seat: see rb-bank.\n\xe2\x80\xa2 the Savings Bank\n"
        "\xe2\x80\xa2 the Feed store\n1. first\n2. second");
}

TEST_CASE("an HTML comment of story settings is not shown") {
  const auto blocks = parse_markdown("<!-- panel: roles -->\nFive organizations claim the backbone.\n");
  REQUIRE(blocks.size() == 1);
  CHECK(markdown_plain(blocks) == "Five organizations claim the backbone.");
}
