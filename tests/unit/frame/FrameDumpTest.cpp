// frame::dump is the text trace golden tests compare, so its format is pinned
// here exactly. Glyph runs use font == nullptr ("F?") to stay independent of
// the text module's font loading.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "frame/Frame.h"
#include "image/Image.h"

namespace folio::frame {
namespace {

Page letterPage() {
  Page page;
  page.width = pt(595.28);
  page.height = pt(841.89);
  return page;
}

TEST(FrameDump, EmptyDocumentHasOnlyTheCreator) {
  EXPECT_EQ(dump(Document{}), "metadata creator \"Folio\"\n");
}

TEST(FrameDump, EveryKindOfItem) {
  Document doc;
  Page page = letterPage();

  GlyphRun run;
  run.size = pt(10);
  run.color = Color::rgb(1, 0, 0.5f);
  run.origin = {pt(72), pt(700.125)};
  run.text = U"Hé \"q\"";
  run.glyphs = {{43, pt(6.1)}, {72, pt(5)}, {3, pt(2.5)}, {880, 0, pt(-0.5), pt(1.25)}};
  page.items.push_back(run);

  page.items.push_back(Fill{{pt(72), pt(100), pt(451.28), pt(0.5)}, Color::gray(0)});
  page.items.push_back(Stroke{{pt(10), pt(20)}, {pt(10), pt(-3)}, pt(0.25), Color::cmyk(0, 0.5f, 1, 0.1f)});

  auto image = std::make_shared<image::Image>();
  image->path = "layouts/emblem.png";
  image->width = 640;
  image->height = 480;
  page.items.push_back(ImagePlacement{image, {pt(72), pt(300), pt(100), pt(75)}, "Emblem"});
  page.items.push_back(ImagePlacement{nullptr, {0, 0, pt(1), pt(1)}, ""});

  page.links.push_back(Link{{{pt(72), pt(698), pt(30), pt(12)}, {pt(72), pt(686), pt(20), pt(12)}},
                            "https://example.com/a?b=c",
                            ""});
  page.links.push_back(Link{{{pt(1), pt(2), pt(3), pt(4)}}, "", "fn:3"});
  page.anchors.push_back(Anchor{"intro", {pt(72), pt(770)}});
  page.anchors.push_back(Anchor{"odd name", {0, 0}});
  doc.pages.push_back(page);

  Page second;
  second.width = pt(100);
  second.height = pt(200);
  doc.pages.push_back(second);

  doc.outline.push_back(OutlineEntry{1, "Intro", "intro"});
  doc.outline.push_back(OutlineEntry{2, "Détails", "sec-2"});
  doc.metadata.title = "A \\ title";
  doc.metadata.language = "de-CH";
  doc.metadata.date = "D:20240102030405Z";

  const std::string expected =
      "page 1 595.28x841.89\n"
      "  text F? 10.00 at (72.00,700.13) rgb 1 0 0.5 \"Hé \\\"q\\\"\" glyphs "
      "43:6.10,72:5.00,3:2.50,880:0.00@-0.50/1.25\n"
      "  fill 72.00 100.00 451.28 0.50 gray 0\n"
      "  stroke (10.00,20.00) -> (10.00,-3.00) width 0.25 cmyk 0 0.5 1 0.1\n"
      "  image \"layouts/emblem.png\" 640x480px 100.00x75.00 at (72.00,300.00) alt \"Emblem\"\n"
      "  image ? 1.00x1.00 at (0.00,0.00)\n"
      "  link 72.00 698.00 30.00 12.00 + 72.00 686.00 20.00 12.00 -> https://example.com/a?b=c\n"
      "  link 1.00 2.00 3.00 4.00 -> #fn:3\n"
      "  anchor intro at (72.00,770.00)\n"
      "  anchor \"odd name\" at (0.00,0.00)\n"
      "page 2 100.00x200.00\n"
      "outline 1 \"Intro\" -> #intro\n"
      "outline 2 \"Détails\" -> #sec-2\n"
      "metadata title \"A \\\\ title\"\n"
      "metadata language \"de-CH\"\n"
      "metadata creator \"Folio\"\n"
      "metadata date \"D:20240102030405Z\"\n";
  EXPECT_EQ(dump(doc), expected);
}

TEST(FrameDump, LengthsRoundToHundredthsWithoutNegativeZero) {
  Document doc;
  Page page;
  page.width = 1;           // 0.0000153pt
  page.height = pt(32767);  // the largest length an Sp holds
  Fill fill;
  // 8192 sp is 0.125pt exactly: halves round away from zero, both signs.
  fill.rect = {-1, -8192, 8192, pt(1.996)};
  page.items.push_back(fill);
  page.anchors.push_back(Anchor{"a", {pt(-0.004), pt(-12.5)}});  // no "-0.00"
  doc.pages.push_back(page);
  doc.metadata.creator.clear();
  EXPECT_EQ(dump(doc),
            "page 1 0.00x32767.00\n"
            "  fill 0.00 -0.13 0.13 2.00 gray 0\n"
            "  anchor a at (0.00,-12.50)\n");
}

TEST(FrameDump, SpotColourAndRtlRunAndControlCharacters) {
  Document doc;
  Page page;
  GlyphRun run;
  run.size = pt(9.5);
  run.rtl = true;
  run.text = U"\u05e9\u05dc\n";
  run.color.space = Color::Space::Spot;
  run.color.spotName = "Pantone 286 C";
  run.color.c[0] = 0.75f;
  run.color.alt = {1, 0.66f, 0, 0.02f};
  page.items.push_back(run);
  doc.pages.push_back(page);
  doc.metadata.creator.clear();
  EXPECT_EQ(dump(doc),
            "page 1 0.00x0.00\n"
            "  text F? 9.50 at (0.00,0.00) spot \"Pantone 286 C\" 0.75 alt cmyk 1 0.66 0 0.02 rtl "
            "\"\u05e9\u05dc\\x0A\" glyphs \n");
}

// The structure channel: each item names its element, links theirs, and the
// tree follows the pages, indented by depth, with its attributes.
TEST(FrameDump, StructureLabelsAndTree) {
  Document doc;
  Page page;
  page.items.push_back(Fill{{0, 0, pt(1), pt(1)}, Color::gray(0)});
  page.items.push_back(Fill{{0, 0, pt(2), pt(2)}, Color::gray(0)});
  page.items.push_back(ImagePlacement{nullptr, {0, 0, pt(3), pt(3)}, "Map"});
  page.itemStructure = {kArtifact, 1, 3};
  Link link;
  link.rects.push_back({0, 0, pt(4), pt(1)});
  link.uri = "https://example.org/";
  link.structure = 2;
  page.links.push_back(link);
  doc.pages.push_back(page);
  doc.metadata.creator.clear();
  StructElement root;
  root.role = Role::Document;
  root.setLang("en");
  StructElement h;
  h.role = Role::H;
  h.level = 2;
  h.setSourceId("intro");
  StructElement a;
  a.role = Role::Link;
  a.parent = 1;
  a.setAlt("the site");
  StructElement fig;
  fig.role = Role::Figure;
  fig.setAlt("Map");
  fig.setLang("fr");
  doc.structure = {root, h, a, fig};
  EXPECT_EQ(dump(doc),
            "page 1 0.00x0.00\n"
            "  [Artifact] fill 0.00 0.00 1.00 1.00 gray 0\n"
            "  [H2#1] fill 0.00 0.00 2.00 2.00 gray 0\n"
            "  [Figure#3] image ? 3.00x3.00 at (0.00,0.00) alt \"Map\"\n"
            "  [Link#2] link 0.00 0.00 4.00 1.00 -> https://example.org/\n"
            "struct #0 Document lang \"en\"\n"
            "struct   #1 H2 source \"intro\"\n"
            "struct     #2 Link alt \"the site\"\n"
            "struct   #3 Figure lang \"fr\" alt \"Map\"\n");
  // The layout-only trace (the PDF writer's document ID) leaves it out.
  EXPECT_EQ(dump(doc, DumpDetail::Layout),
            "page 1 0.00x0.00\n"
            "  fill 0.00 0.00 1.00 1.00 gray 0\n"
            "  fill 0.00 0.00 2.00 2.00 gray 0\n"
            "  image ? 3.00x3.00 at (0.00,0.00) alt \"Map\"\n"
            "  link 0.00 0.00 4.00 1.00 -> https://example.org/\n");
}

TEST(FrameDump, IsDeterministic) {
  Document doc;
  Page page = letterPage();
  GlyphRun run;
  run.text = U"abc";
  run.glyphs = {{1, pt(1)}, {2, pt(2)}, {3, pt(3)}};
  page.items.push_back(run);
  doc.pages.push_back(page);
  EXPECT_EQ(dump(doc), dump(Document(doc)));
}

}  // namespace
}  // namespace folio::frame
