#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <regex>
#include <sstream>
#include <thread>

#include "../image/ImageFixtures.h"
#include "PdfTestSupport.h"
#include "image/Image.h"
#include "pdf/PdfWriter.h"

namespace folio::pdf {
namespace {

using pdftest::quote;
using pdftest::run;
using pdftest::runWidth;
using pdftest::simpleRun;

const Sp kPageW = pt(595), kPageH = pt(842);

struct Fixture {
  std::unique_ptr<text::Font> serif, naskh, cjk;
  std::shared_ptr<const image::Image> png, jpeg;
  testimg::TempDir dir;

  Fixture() {
    serif = text::Font::load(pdftest::kSerif, 0, 1);
    naskh = text::Font::load(pdftest::kNaskh, 0, 2);
    cjk = text::Font::load(pdftest::kCjk, 0, 3);
    testimg::PngSpec spec;
    spec.width = 16;
    spec.height = 8;
    testimg::writePng(dir.file("alpha.png"), spec);
    testimg::writeJpeg(dir.file("photo.jpg"), 24, 16, 3);
    Diagnostics diags;
    png = image::load(dir.file("alpha.png"), {}, {}, diags);
    jpeg = image::load(dir.file("photo.jpg"), {}, {}, diags);
  }
  bool ok() const { return serif && naskh && cjk && png && jpeg; }
};

// Two pages: Latin text with a ligature and justified spaces, a URI link, an
// internal two-line link, rules, a spot colour, a PNG with alpha placed twice,
// a JPEG; page 2 has the link target, CJK (CFF) and Arabic runs and a raised glyph.
frame::Document sampleDocument(const Fixture& fx) {
  frame::Document doc;
  const Sp size = pt(12);
  const text::Font* serif = fx.serif.get();

  frame::Page p1;
  p1.width = kPageW;
  p1.height = kPageH;
  p1.anchors.push_back({"top", {pt(72), pt(800)}});

  // "Hello office" with the ffi ligature glyph carrying "ffi", and a space
  // stretched by justification (placed advance > font advance).
  frame::GlyphRun hello = simpleRun(serif, size, {pt(72), pt(760)}, U"Hello office");
  uint32_t ffi = serif->glyphFor(U'\uFB03');
  EXPECT_NE(ffi, 0u);
  hello.glyphs.erase(hello.glyphs.begin() + 7, hello.glyphs.begin() + 10);
  hello.glyphs.insert(hello.glyphs.begin() + 7,
                      {ffi, pdftest::scaled(*serif, serif->advance(ffi), size), 0, 0, 7, 3});
  hello.glyphs[5].advance += pt(6);
  const Sp helloWidth = runWidth(hello);
  p1.items.push_back(hello);

  frame::GlyphRun see1 = simpleRun(serif, size, {pt(72), pt(740)}, U"See chapter", Color::rgb(0, 0, 0.6f));
  frame::GlyphRun see2 = simpleRun(serif, size, {pt(72), pt(725)}, U"two here", Color::rgb(0, 0, 0.6f));
  p1.items.push_back(see1);
  p1.items.push_back(see2);

  p1.items.push_back(frame::Fill{{pt(72), pt(700), pt(200), pt(1)}, Color::cmyk(0, 0, 0, 1)});
  Color spot;
  spot.space = Color::Space::Spot;
  spot.spotName = "Folio Orange";
  spot.c[0] = 0.6f;
  spot.alt = {0, 0.5f, 1, 0};
  p1.items.push_back(frame::Fill{{pt(72), pt(680), pt(200), pt(10)}, spot});
  p1.items.push_back(frame::Stroke{{pt(72), pt(670)}, {pt(272), pt(670)}, pt(0.5), spot});
  p1.items.push_back(frame::Stroke{{pt(72), pt(665)}, {pt(272), pt(665)}, pt(0.25), Color::gray(0.5f)});
  p1.items.push_back(frame::ImagePlacement{fx.png, {pt(72), pt(500), pt(160), pt(80)}, "logo"});
  p1.items.push_back(frame::ImagePlacement{fx.png, {pt(272), pt(500), pt(80), pt(40)}, "logo again"});
  p1.items.push_back(frame::ImagePlacement{fx.jpeg, {pt(72), pt(380), pt(120), pt(80)}, "photo"});

  frame::Link uri;
  uri.rects.push_back({pt(72), pt(757), helloWidth, pt(14)});
  uri.uri = "https://example.org/folio?a=1&b=2";
  p1.links.push_back(uri);
  frame::Link internal;
  internal.rects.push_back({pt(72), pt(737), runWidth(see1), pt(14)});
  internal.rects.push_back({pt(72), pt(722), runWidth(see2), pt(14)});
  internal.destination = "chapter-2";
  p1.links.push_back(internal);
  doc.pages.push_back(std::move(p1));

  frame::Page p2;
  p2.width = kPageW;
  p2.height = kPageH;
  p2.anchors.push_back({"chapter-2", {pt(72), pt(800)}});
  p2.items.push_back(simpleRun(serif, pt(18), {pt(72), pt(780)}, U"Chapter two"));
  p2.items.push_back(simpleRun(fx.cjk.get(), size, {pt(72), pt(740)}, U"日本語のテキスト"));
  frame::GlyphRun arabic = pdftest::shapedRtlRun(fx.naskh.get(), size, {pt(300), pt(700)}, U"مرحبا بالعالم");
  p2.items.push_back(arabic);
  // Marks placed with x/y offsets, a lam-lam-heh ligature with shadda.
  p2.items.push_back(pdftest::shapedRtlRun(fx.naskh.get(), size, {pt(300), pt(680)}, U"بِسْمِ اللَّهِ"));
  // The lam-alef ligature: one glyph carrying two letters in a right-to-left run.
  p2.items.push_back(pdftest::shapedRtlRun(fx.naskh.get(), size, {pt(300), pt(600)}, U"السلام عليكم"));
  frame::GlyphRun sup = simpleRun(serif, size, {pt(72), pt(660)}, U"E=mc2");
  sup.glyphs[4].yOffset = pt(4);
  p2.items.push_back(sup);
  p2.items.push_back(simpleRun(serif, size, {pt(72), pt(640)}, U"after rise"));
  // One glyph, two texts: the space glyph also shows U+00A0. Own codes per
  // (glyph, text) keep both in the ToUnicode map.
  frame::GlyphRun nbsp = simpleRun(serif, size, {pt(72), pt(620)}, U"a b\u00A0c");
  nbsp.glyphs[3].gid = nbsp.glyphs[1].gid;
  p2.items.push_back(nbsp);
  doc.pages.push_back(std::move(p2));

  doc.outline = {{1, "Chapter one", "top"},
                 {2, "Section 1.1", "top"},
                 {3, "Detail", "chapter-2"},
                 {1, "Chapter two \u2014 \u00FCber", "chapter-2"}};
  doc.metadata.title = "Folio test \u2014 \u00FCber";
  doc.metadata.author = "Folio Tests";
  doc.metadata.subject = "PDF writer";
  doc.metadata.keywords = "pdf, test";
  doc.metadata.language = "en-GB";
  doc.metadata.date = "D:20240131120000Z";
  return doc;
}

std::string writeSample(const Fixture& fx, const std::string& name) {
  std::string path = fx.dir.file(name);
  Diagnostics diags;
  EXPECT_TRUE(writePdf(sampleDocument(fx), path, {}, diags)) << diags.format();
  EXPECT_TRUE(diags.all().empty()) << diags.format();
  // For looking at the output by hand: FOLIO_PDF_TEST_KEEP=/some/dir.
  if (const char* keep = std::getenv("FOLIO_PDF_TEST_KEEP"))
    testimg::writeFile(std::string(keep) + "/" + name, testimg::readFile(path));
  return path;
}

class PdfWriterTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { s_fx = new Fixture(); }
  static void TearDownTestSuite() {
    delete s_fx;
    s_fx = nullptr;
  }
  void SetUp() override { ASSERT_TRUE(s_fx->ok()) << "test fonts or images missing"; }
  static Fixture* s_fx;
};
Fixture* PdfWriterTest::s_fx = nullptr;

TEST_F(PdfWriterTest, QpdfCheckIsClean) {
  std::string path = writeSample(*s_fx, "check.pdf");
  pdftest::ToolResult r = run("qpdf --check " + quote(path));
  EXPECT_EQ(r.exitCode, 0) << r.output;
  EXPECT_EQ(r.output.find("WARNING"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("No syntax or stream encoding errors"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("PDF Version: 1.7"), std::string::npos) << r.output;
}

TEST_F(PdfWriterTest, FontsAreEmbeddedSubsetWithUnicode) {
  std::string path = writeSample(*s_fx, "fonts.pdf");
  pdftest::ToolResult r = run("pdffonts " + quote(path));
  ASSERT_EQ(r.exitCode, 0) << r.output;
  std::istringstream lines(r.output);
  std::string line;
  int fonts = 0;
  bool sawCff = false;
  while (std::getline(lines, line)) {
    if (line.size() < 8 || line[6] != '+') continue;  // "ABCDEF+Name ..."
    ++fonts;
    std::smatch m;
    ASSERT_TRUE(std::regex_search(line, m, std::regex(R"((yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$)")))
        << line;
    EXPECT_EQ(m[1], "yes") << line;
    EXPECT_EQ(m[2], "yes") << line;
    EXPECT_EQ(m[3], "yes") << line;
    if (line.find("CID Type 0C") != std::string::npos) sawCff = true;
  }
  EXPECT_EQ(fonts, 3) << r.output;
  EXPECT_TRUE(sawCff) << "Noto Sans CJK should be embedded as CFF:\n" << r.output;
}

TEST_F(PdfWriterTest, TextExtracts) {
  std::string path = writeSample(*s_fx, "text.pdf");
  pdftest::ToolResult r = run("pdftotext -enc UTF-8 " + quote(path) + " -");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("Hello office"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("See chapter"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("Chapter two"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("日本語のテキスト"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("مرحبا بالعالم"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("السلام عليكم"), std::string::npos) << r.output;
  // Marks stay in their words (their text rides on the base letter). The
  // kasra that ends the line is the visually leftmost character, which
  // poppler moves to the front of the line: a poppler limit.
  EXPECT_NE(r.output.find("بِسْمِ اللَّه"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("after rise"), std::string::npos) << r.output;

  pdftest::ToolResult m = run("mutool draw -q -F txt -o - " + quote(path));
  ASSERT_EQ(m.exitCode, 0) << m.output;
  m.output = pdftest::mutoolOutput(m.output);
  EXPECT_EQ(m.output.find("warning"), std::string::npos) << m.output;
  EXPECT_EQ(m.output.find("error"), std::string::npos) << m.output;
  EXPECT_NE(m.output.find("Hello office"), std::string::npos) << m.output;
  EXPECT_NE(m.output.find("日本語のテキスト"), std::string::npos) << m.output;
}

TEST_F(PdfWriterTest, MarksWithoutTextAreOutlines) {
  // The harakat of "bismi llahi" carry no text of their own (their base
  // does): drawn as outlines (Form XObjects), they are no text in any
  // reader. MuPDF 1.21 showed U+FFFD for each when they were codes.
  std::string path = writeSample(*s_fx, "marks.pdf");
  pdftest::ToolResult m = run("mutool draw -q -F txt -o - " + quote(path));
  ASSERT_EQ(m.exitCode, 0) << m.output;
  EXPECT_EQ(m.output.find("\uFFFD"), std::string::npos) << m.output;
  // The marks are drawn: each is a form's filled path on page 2.
  pdftest::ToolResult t = run("mutool trace " + quote(path) + " 2");
  ASSERT_EQ(t.exitCode, 0) << t.output;
  size_t fills = 0;
  for (size_t at = 0; (at = t.output.find("<fill_path", at)) != std::string::npos; ++at) ++fills;
  EXPECT_GE(fills, 5u) << t.output.substr(0, 2000);
  pdftest::ToolResult q = run("qpdf --qdf --object-streams=disable " + quote(path) + " -");
  ASSERT_EQ(q.exitCode, 0);
  EXPECT_NE(q.output.find("/Subtype /Form"), std::string::npos);
  EXPECT_TRUE(
      std::regex_search(q.output, std::regex(R"(q [0-9.]+ 0 0 [0-9.]+ [0-9.]+ [0-9.]+ cm /Gl[0-9]+ Do Q)")));
}

TEST_F(PdfWriterTest, OneGlyphTwoTextsKeepsBoth) {
  // The space glyph shows both U+0020 and U+00A0 on page 2: two codes, two
  // ToUnicode entries for the same glyph. (Extractors fold U+00A0 into
  // spaces, so the map itself is checked.)
  std::string path = writeSample(*s_fx, "nbsp.pdf");
  pdftest::ToolResult q = run("qpdf --qdf --object-streams=disable " + quote(path) + " -");
  ASSERT_EQ(q.exitCode, 0);
  std::smatch space, nbsp;
  ASSERT_TRUE(std::regex_search(q.output, space, std::regex(R"(<([0-9A-F]{4})> <0020>)")));
  ASSERT_TRUE(std::regex_search(q.output, nbsp, std::regex(R"(<([0-9A-F]{4})> <00A0>)")));
  EXPECT_NE(space[1], nbsp[1]);
}

TEST_F(PdfWriterTest, GhostscriptRendersQuietly) {
  std::string path = writeSample(*s_fx, "gs.pdf");
  pdftest::ToolResult r = run("gs -q -dNOPAUSE -dBATCH -o /dev/null -sDEVICE=nullpage " + quote(path));
  EXPECT_EQ(r.exitCode, 0) << r.output;
  EXPECT_EQ(r.output, "");
}

TEST_F(PdfWriterTest, LinksAndDestinations) {
  std::string path = writeSample(*s_fx, "links.pdf");
  pdftest::ToolResult r = run("pdfinfo -url " + quote(path));
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_TRUE(
      std::regex_search(r.output, std::regex(R"(\n\s*1\s+Annotation\s+https://example\.org/folio\?a=1&b=2)")))
      << r.output;
  // The internal link is a GoTo, not a URI.
  EXPECT_EQ(r.output.find("chapter-2"), std::string::npos) << r.output;

  pdftest::ToolResult d = run("pdfinfo -dests " + quote(path));
  ASSERT_EQ(d.exitCode, 0) << d.output;
  EXPECT_TRUE(
      std::regex_search(d.output, std::regex(R"(\n\s*2\s+\[\s*XYZ\s+72\s+800\s+null\s*\]\s+"chapter-2")")))
      << d.output;
  EXPECT_TRUE(std::regex_search(d.output, std::regex(R"(\n\s*1\s+\[\s*XYZ\s+72\s+800\s+null\s*\]\s+"top")")))
      << d.output;

  // The two-line internal link is one annotation with QuadPoints and a GoTo
  // action to page 2; no annotation carries a date.
  pdftest::ToolResult q = run("qpdf --qdf --object-streams=disable " + quote(path) + " -");
  ASSERT_EQ(q.exitCode, 0);
  EXPECT_NE(q.output.find("/QuadPoints"), std::string::npos);
  EXPECT_NE(q.output.find("/S /GoTo"), std::string::npos);
  EXPECT_EQ(q.output.find("/M ("), std::string::npos);
  EXPECT_EQ(q.output.find("/JavaScript"), std::string::npos);
  EXPECT_EQ(q.output.find("/Launch"), std::string::npos);
}

TEST_F(PdfWriterTest, OutlineHasCounts) {
  std::string path = writeSample(*s_fx, "outline.pdf");
  pdftest::ToolResult r = run("qpdf --json --json-key=outlines " + quote(path));
  ASSERT_EQ(r.exitCode, 0) << r.output;
  // Nesting: Chapter one > Section 1.1 > Detail, then Chapter two, all open.
  // (qpdf lists an item's "kids" before its "title".)
  std::string flat = std::regex_replace(r.output, std::regex(R"(\s+)"), " ");
  flat = std::regex_replace(flat, std::regex(R"("dest": \[[^\]]*\], )"), "");
  EXPECT_TRUE(std::regex_search(
      flat,
      std::regex(R"("kids": \[ \{ [^\]]*"kids": \[ \{ [^\]]*"kids": \[\], [^\]]*"title": "Detail" \} \], )"
                 R"([^\]]*"title": "Section 1\.1" \} \], [^\]]*"title": "Chapter one" \}, \{)")))
      << r.output;
  EXPECT_NE(flat.find("\"title\": \"Chapter two \u2014 \u00FCber\""), std::string::npos) << r.output;
  EXPECT_EQ(flat.find("\"open\": false"), std::string::npos) << r.output;

  // /Count on the root (4 visible items) and on the items with children.
  pdftest::ToolResult q = run("qpdf --qdf --object-streams=disable " + quote(path) + " -");
  ASSERT_EQ(q.exitCode, 0);
  std::string qdf = std::regex_replace(q.output, std::regex(R"(\s+)"), " ");
  EXPECT_TRUE(std::regex_search(qdf, std::regex(R"(/Count 4 /First \d+ 0 R /Last \d+ 0 R /Type /Outlines)")));
  EXPECT_TRUE(std::regex_search(qdf, std::regex(R"(/Count 2 /Dest [^>]*/Title \(Chapter one\))")));
  EXPECT_TRUE(std::regex_search(qdf, std::regex(R"(/Count 1 /Dest [^>]*/Title \(Section 1\.1\))")));
  EXPECT_FALSE(std::regex_search(qdf, std::regex(R"(/Count [^>]*/Title \(Detail\))")));  // a leaf
  EXPECT_NE(qdf.find("/PageMode /UseOutlines"), std::string::npos);
}

TEST_F(PdfWriterTest, MetadataAndImages) {
  std::string path = writeSample(*s_fx, "meta.pdf");
  pdftest::ToolResult r = run("pdfinfo " + quote(path));
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("Folio test \u2014 \u00FCber"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("Author:          Folio Tests"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("Pages:           2"), std::string::npos) << r.output;
  // Exactly "Folio <version>": PoDoFo no longer writes the file (pdf/Object.h).
  EXPECT_TRUE(std::regex_search(r.output, std::regex(R"(\nProducer: +Folio [0-9]+\.[0-9]+\.[0-9]+\n)")))
      << r.output;

  pdftest::ToolResult x = run("pdfinfo -meta " + quote(path));
  EXPECT_NE(x.output.find("<xmp:CreateDate>2024-01-31T12:00:00Z</xmp:CreateDate>"), std::string::npos)
      << x.output;
  EXPECT_NE(x.output.find("<rdf:li>en-GB</rdf:li>"), std::string::npos) << x.output;

  pdftest::ToolResult q = run("qpdf --qdf --object-streams=disable " + quote(path) + " -");
  ASSERT_EQ(q.exitCode, 0);
  q.output = std::regex_replace(q.output, std::regex(R"(\s+)"), " ");
  EXPECT_NE(q.output.find("/CreationDate (D:20240131120000Z)"), std::string::npos);
  EXPECT_NE(q.output.find("/Lang (en-GB)"), std::string::npos);
  // Three image objects: the PNG, its soft mask, the JPEG; the PNG placed twice is written once.
  size_t images = 0;
  for (size_t at = 0; (at = q.output.find("/Subtype /Image", at)) != std::string::npos; ++at) ++images;
  EXPECT_EQ(images, 3u);
  EXPECT_NE(q.output.find("/SMask"), std::string::npos);
  EXPECT_NE(q.output.find("/Filter /DCTDecode"), std::string::npos);
  EXPECT_NE(q.output.find("[ /Separation /Folio#20Orange /DeviceCMYK << /C0 [ 0 0 0 0 ] /C1 [ 0 0.5 1 0 ]"),
            std::string::npos);

  pdftest::ToolResult list = run("pdfimages -list " + quote(path));
  ASSERT_EQ(list.exitCode, 0) << list.output;
  EXPECT_NE(list.output.find("smask"), std::string::npos) << list.output;
  EXPECT_NE(list.output.find("jpeg"), std::string::npos) << list.output;
}

TEST_F(PdfWriterTest, BytesAreDeterministicAcrossRunsAndTimeZones) {
  std::string a = testimg::readFile(writeSample(*s_fx, "a.pdf"));
  // A second apart, so a clock with one-second resolution would show.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  std::string b = testimg::readFile(writeSample(*s_fx, "b.pdf"));
  ASSERT_FALSE(a.empty());
  EXPECT_TRUE(a == b);

  const char* oldTz = std::getenv("TZ");
  std::string saved = oldTz ? oldTz : "";
  setenv("TZ", "Asia/Tokyo", 1);
  tzset();
  std::string c = testimg::readFile(writeSample(*s_fx, "c.pdf"));
  if (oldTz)
    setenv("TZ", saved.c_str(), 1);
  else
    unsetenv("TZ");
  tzset();
  EXPECT_TRUE(a == c);

  // The /ID is derived from the content: a different document, a different ID.
  frame::Document other = sampleDocument(*s_fx);
  other.pages.pop_back();
  other.outline.clear();
  Diagnostics diags;
  std::string otherPath = s_fx->dir.file("other.pdf");
  ASSERT_TRUE(writePdf(other, otherPath, {}, diags)) << diags.format();
  auto id = [](const std::string& pdf) {
    std::smatch m;
    std::regex_search(pdf, m, std::regex(R"(/ID ?\[ ?<([0-9A-Fa-f]{32})> ?<([0-9A-Fa-f]{32})>)"));
    return m.size() == 3 && m[1] == m[2] ? m[1].str() : std::string("no id");
  };
  EXPECT_NE(id(a), "no id");
  EXPECT_NE(id(a), id(testimg::readFile(otherPath)));
}

TEST_F(PdfWriterTest, GlyphsLandWherePlaced) {
  // Text extraction uses ToUnicode whatever the glyphs are; MuPDF's trace shows
  // which glyph each code selected and where the pen put it. Every glyph must
  // resolve to a real one (not .notdef) and sit at the frame's position: TJ
  // adjustments reconcile the /W widths with the placed (justified) advances.
  std::string path = writeSample(*s_fx, "trace.pdf");
  struct G {
    std::string glyph;
    double x, y;
  };
  auto trace = [&](int page) {
    pdftest::ToolResult t = run("mutool trace " + quote(path) + " " + std::to_string(page));
    EXPECT_EQ(t.exitCode, 0) << t.output;
    std::vector<G> out;
    std::regex g(R"re(<g unicode="[^"]*" glyph="(\d+)" x="([-\d.]+)" y="([-\d.]+)")re");
    for (auto it = std::sregex_iterator(t.output.begin(), t.output.end(), g); it != std::sregex_iterator();
         ++it)
      out.push_back({(*it)[1], std::stod((*it)[2]), std::stod((*it)[3])});
    return out;
  };
  std::vector<G> p1 = trace(1), p2 = trace(2);
  for (const G& g : p1) EXPECT_NE(g.glyph, "0");
  for (const G& g : p2) EXPECT_NE(g.glyph, "0");

  frame::Document doc = sampleDocument(*s_fx);
  const auto& hello = std::get<frame::GlyphRun>(doc.pages[0].items[0]);
  ASSERT_GE(p1.size(), hello.glyphs.size());
  Sp pen = hello.origin.x;
  for (size_t i = 0; i < hello.glyphs.size(); ++i) {
    EXPECT_NEAR(p1[i].x, toPt(pen), 0.005) << "glyph " << i;
    EXPECT_NEAR(p1[i].y, 760, 0.005) << "glyph " << i;
    pen += hello.glyphs[i].advance;
  }
  // The raised "2" of E=mc2 (Ts 4), and the line after it back on its baseline.
  size_t sup = 0;
  while (sup < p2.size() && std::fabs(p2[sup].y - 664) > 0.005) ++sup;
  ASSERT_LT(sup, p2.size());
  ASSERT_LT(sup + 1, p2.size());
  EXPECT_NEAR(p2[sup + 1].y, 640, 0.005);
}

TEST_F(PdfWriterTest, ErrorsAreDiagnostics) {
  Diagnostics diags;
  EXPECT_FALSE(writePdf(sampleDocument(*s_fx), "/proc/folio-no-such-dir/x.pdf", {}, diags));
  ASSERT_TRUE(diags.hasErrors());
  EXPECT_NE(diags.format().find("cannot write the PDF"), std::string::npos) << diags.format();

  Diagnostics empty;
  EXPECT_FALSE(writePdf(frame::Document{}, s_fx->dir.file("empty.pdf"), {}, empty));
  EXPECT_NE(empty.format().find("the document has no pages"), std::string::npos) << empty.format();

  // Unknown link targets and outline anchors are warnings, not failures.
  frame::Document doc = sampleDocument(*s_fx);
  doc.pages[0].links[1].destination = "nowhere";
  doc.outline.push_back({1, "Lost", "missing"});
  doc.pages[0].links.push_back({{{pt(10), pt(10), pt(10), pt(10)}}, "javascript:alert(1)", ""});
  Diagnostics warn;
  std::string path = s_fx->dir.file("warn.pdf");
  EXPECT_TRUE(writePdf(doc, path, {}, warn)) << warn.format();
  EXPECT_FALSE(warn.hasErrors());
  EXPECT_EQ(warn.all().size(), 3u) << warn.format();
  pdftest::ToolResult q = run("qpdf --check " + quote(path));
  EXPECT_EQ(q.exitCode, 0) << q.output;
  EXPECT_EQ(testimg::readFile(path).find("javascript"), std::string::npos);
}

}  // namespace
}  // namespace folio::pdf
