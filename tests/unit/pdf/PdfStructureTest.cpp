// Larger structures and the less common paths: a page tree and a name tree
// with intermediate nodes, a name-keyed CFF font, every image layout, and
// uncompressed output.
#include <gtest/gtest.h>

#include <regex>

#include "../image/ImageFixtures.h"
#include "PdfTestSupport.h"
#include "image/Image.h"
#include "pdf/PdfWriter.h"

namespace folio::pdf {
namespace {

using pdftest::quote;
using pdftest::run;
using pdftest::simpleRun;

void expectCleanEverywhere(const std::string& path) {
  pdftest::ToolResult q = run("qpdf --check " + quote(path));
  EXPECT_EQ(q.exitCode, 0) << q.output;
  EXPECT_EQ(q.output.find("WARNING"), std::string::npos) << q.output;
  pdftest::ToolResult g = run("gs -q -dNOPAUSE -dBATCH -o /dev/null -sDEVICE=nullpage " + quote(path));
  EXPECT_EQ(g.exitCode, 0) << g.output;
  EXPECT_EQ(g.output, "");
  pdftest::ToolResult m = run("mutool draw -q -F txt -o /dev/null " + quote(path));
  EXPECT_EQ(m.exitCode, 0) << m.output;
  EXPECT_EQ(pdftest::mutoolOutput(m.output), "");
  pdftest::ToolResult p = run("pdftotext " + quote(path) + " /dev/null");
  EXPECT_EQ(p.exitCode, 0) << p.output;
  EXPECT_EQ(p.output, "");
}

TEST(PdfStructureTest, ManyPagesAndAnchors) {
  testimg::TempDir dir;
  auto font = text::Font::load("/usr/share/fonts/opentype/urw-base35/NimbusSans-Regular.otf", 0, 7);
  ASSERT_TRUE(font) << "test font missing";
  frame::Document doc;
  const int kPages = 200;  // > 32: intermediate /Pages nodes; > 64 anchors: name tree /Kids
  for (int i = 0; i < kPages; ++i) {
    frame::Page page;
    page.width = pt(300);
    page.height = pt(400);
    page.items.push_back(
        simpleRun(font.get(), pt(10), {pt(20), pt(360)}, U"Page " + std::u32string(1, U'A' + i % 26)));
    page.anchors.push_back({"p" + std::to_string(i), {pt(20), pt(380)}});
    if (i == 0) {
      frame::Link link;
      link.rects.push_back({pt(20), pt(357), pt(40), pt(12)});
      link.destination = "p" + std::to_string(kPages - 1);
      page.links.push_back(link);
    }
    doc.pages.push_back(std::move(page));
  }
  doc.outline.push_back({1, "Last page", "p" + std::to_string(kPages - 1)});
  std::string path = dir.file("many.pdf");
  Diagnostics diags;
  ASSERT_TRUE(writePdf(doc, path, {}, diags)) << diags.format();
  EXPECT_TRUE(diags.all().empty()) << diags.format();
  expectCleanEverywhere(path);

  pdftest::ToolResult info = run("pdfinfo " + quote(path));
  EXPECT_NE(info.output.find("Pages:           200"), std::string::npos) << info.output;
  pdftest::ToolResult dests = run("pdfinfo -dests " + quote(path));
  EXPECT_TRUE(
      std::regex_search(dests.output, std::regex(R"(\n\s*200\s+\[\s*XYZ\s+20\s+380\s+null\s*\]\s+"p199")")))
      << dests.output.substr(0, 500);
  EXPECT_TRUE(
      std::regex_search(dests.output, std::regex(R"(\n\s*1\s+\[\s*XYZ\s+20\s+380\s+null\s*\]\s+"p0")")));
  size_t count = 0;
  for (size_t at = 0; (at = dests.output.find("\"p", at)) != std::string::npos; ++at) ++count;
  EXPECT_EQ(count, 200u);

  // The page a link and the outline go to, as qpdf resolves them.
  pdftest::ToolResult json = run("qpdf --json --json-key=outlines " + quote(path));
  EXPECT_NE(json.output.find("\"destpageposfrom1\": 200"), std::string::npos) << json.output;

  pdftest::ToolResult fonts = run("pdffonts " + quote(path));
  EXPECT_TRUE(std::regex_search(
      fonts.output, std::regex(R"([A-Z]{6}\+NimbusSans-Regular\s+CID Type 0C\s+Custom\s+yes yes yes)")))
      << fonts.output;
  pdftest::ToolResult text = run("pdftotext -f 200 -l 200 " + quote(path) + " -");
  EXPECT_NE(text.output.find("Page R"), std::string::npos) << text.output;  // 199 % 26 = 17
}

TEST(PdfStructureTest, ImageLayouts) {
  testimg::TempDir dir;
  auto font = text::Font::load(pdftest::kSerif, 0, 1);
  ASSERT_TRUE(font);
  struct Spec {
    std::string name;
    int colorType, depth;
  };
  std::vector<std::shared_ptr<const image::Image>> images;
  Diagnostics diags;
  for (const Spec& s :
       {Spec{"g8.png", PNG_COLOR_TYPE_GRAY, 8}, Spec{"g1.png", PNG_COLOR_TYPE_GRAY, 1},
        Spec{"ga16.png", PNG_COLOR_TYPE_GRAY_ALPHA, 16}, Spec{"rgb16.png", PNG_COLOR_TYPE_RGB, 16},
        Spec{"rgba16.png", PNG_COLOR_TYPE_RGB_ALPHA, 16}}) {
    testimg::PngSpec spec;
    spec.width = 9;
    spec.height = 7;
    spec.colorType = s.colorType;
    spec.bitDepth = s.depth;
    testimg::writePng(dir.file(s.name), spec);
    images.push_back(image::load(dir.file(s.name), {}, {}, diags));
  }
  testimg::PngSpec pal;
  pal.colorType = PNG_COLOR_TYPE_PALETTE;
  pal.bitDepth = 2;
  pal.palette = {{255, 0, 0}, {0, 128, 0}, {0, 0, 255}};
  pal.paletteAlpha = {0};
  testimg::writePng(dir.file("pal.png"), pal);
  images.push_back(image::load(dir.file("pal.png"), {}, {}, diags));
  for (int c : {1, 3, 4}) {
    std::string name = "j" + std::to_string(c) + ".jpg";
    testimg::writeJpeg(dir.file(name), 12, 10, c);
    images.push_back(image::load(dir.file(name), {}, {}, diags));
  }
  ASSERT_FALSE(diags.hasErrors()) << diags.format();

  frame::Document doc;
  frame::Page page;
  page.width = pt(400);
  page.height = pt(400);
  for (size_t i = 0; i < images.size(); ++i)
    page.items.push_back(frame::ImagePlacement{
        images[i], {pt(20 + 40 * (i % 8)), pt(300 - 60 * (i / 8)), pt(36), pt(28)}, ""});
  page.items.push_back(simpleRun(font.get(), pt(10), {pt(20), pt(100)}, U"images"));
  doc.pages.push_back(std::move(page));

  for (int level : {0, 9}) {
    std::string path = dir.file("images" + std::to_string(level) + ".pdf");
    WriteOptions options;
    options.compressionLevel = level;
    Diagnostics d;
    ASSERT_TRUE(writePdf(doc, path, options, d)) << d.format();
    expectCleanEverywhere(path);
    pdftest::ToolResult list = run("pdfimages -list " + quote(path));
    ASSERT_EQ(list.exitCode, 0) << list.output;
    // 9 images + 3 soft masks (grey+alpha, RGBA, palette with tRNS).
    size_t rows = 0;
    for (size_t at = 0; (at = list.output.find("\n   1 ", at)) != std::string::npos; ++at) ++rows;
    EXPECT_EQ(rows, 12u) << list.output;
    EXPECT_TRUE(std::regex_search(list.output, std::regex(R"(image\s+9\s+7\s+rgb\s+3\s+16)"))) << list.output;
    EXPECT_TRUE(std::regex_search(list.output, std::regex(R"(smask\s+9\s+7\s+gray\s+1\s+16)")))
        << list.output;
    EXPECT_TRUE(std::regex_search(list.output, std::regex(R"(image\s+12\s+10\s+cmyk\s+4\s+8\s+jpeg)")))
        << list.output;
    if (level == 0) {
      // Uncompressed: the content stream is readable in the file.
      EXPECT_NE(testimg::readFile(path).find("/Im1 Do"), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace folio::pdf
