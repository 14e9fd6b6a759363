// PDF files as images: the image stage keeps the bytes and asks the reader a
// program plugs in (the pdf stage's, in folio) for the page's size; without
// a reader, and for a page the reader refuses, the diagnostic is at the
// image's position.
#include <gtest/gtest.h>

#include <fstream>

#include "ImageFixtures.h"
#include "image/Image.h"

namespace folio::image {
namespace {

using testimg::TempDir;

const SourcePos kPos{"doc.yaml", 7, 5};

std::string writePdfStub(const TempDir& dir) {
  std::string path = dir.file("mark.pdf");
  std::ofstream(path, std::ios::binary) << "%PDF-1.4\n(a stand-in: the reader below does not parse it)\n";
  return path;
}

// A reader with two pages: page 1 is 200 x 100 pt, page 2 turned (100 x 200).
std::string twoPages(std::string_view bytes, int page, double& w, double& h) {
  if (bytes.substr(0, 5) != "%PDF-") return "not a PDF";
  if (page > 2) return "page " + std::to_string(page) + " does not exist; the PDF has 2 pages";
  w = page == 1 ? 200 : 100;
  h = page == 1 ? 100 : 200;
  return "";
}

TEST(PdfPageTest, RefusedWithoutAReader) {
  TempDir dir;
  std::string path = writePdfStub(dir);
  Diagnostics diags;
  EXPECT_EQ(load(path, Limits{}, kPos, diags), nullptr);
  EXPECT_EQ(diags.format(),
            "doc.yaml:7:5: error: cannot read image '" + path +
                "': PDF files cannot be read by this program; expected a PNG or JPEG image\n");
}

TEST(PdfPageTest, KeepsTheBytesAndThePageSize) {
  TempDir dir;
  std::string path = writePdfStub(dir);
  Limits limits;
  limits.pdfPages = twoPages;
  Diagnostics diags;
  auto img = load(path, limits, kPos, diags, 2);
  ASSERT_NE(img, nullptr) << diags.format();
  EXPECT_EQ(img->format, Image::Format::Pdf);
  EXPECT_EQ(img->page, 2);
  EXPECT_EQ(img->data.substr(0, 8), "%PDF-1.4");
  double w = 0, h = 0;
  naturalSize(*img, 150, w, h);  // a PDF page keeps its own size whatever the default resolution
  EXPECT_DOUBLE_EQ(w, 100);
  EXPECT_DOUBLE_EQ(h, 200);
}

TEST(PdfPageTest, TheReadersProblemIsADiagnosticAtTheImage) {
  TempDir dir;
  std::string path = writePdfStub(dir);
  Limits limits;
  limits.pdfPages = twoPages;
  Diagnostics diags;
  EXPECT_EQ(load(path, limits, kPos, diags, 3), nullptr);
  EXPECT_EQ(diags.format(), "doc.yaml:7:5: error: cannot read image '" + path +
                                "': page 3 does not exist; the PDF has 2 pages; expected an unencrypted PDF "
                                "file with that page\n");
}

// A reader that cannot work at all (folio without its PDF-page module)
// says what it expects; that is not replaced by the expectation of a file.
std::string noModule(std::string_view, int, double&, double&) {
  return "placing a PDF page needs libfolio-pdfread.so; looked in /x; expected it beside the executable";
}

TEST(PdfPageTest, AReaderThatSaysWhatItExpectsKeepsItsWords) {
  TempDir dir;
  std::string path = writePdfStub(dir);
  Limits limits;
  limits.pdfPages = noModule;
  Diagnostics diags;
  EXPECT_EQ(load(path, limits, kPos, diags), nullptr);
  EXPECT_EQ(diags.format(), "doc.yaml:7:5: error: cannot read image '" + path +
                                "': placing a PDF page needs libfolio-pdfread.so; looked in /x; expected it "
                                "beside the executable\n");
}

TEST(PdfPageTest, RasterNaturalSizeUsesTheFilesResolution) {
  Image img;
  img.width = 300;
  img.height = 150;
  double w = 0, h = 0;
  naturalSize(img, 150, w, h);
  EXPECT_DOUBLE_EQ(w, 144);
  EXPECT_DOUBLE_EQ(h, 72);
  img.dpiX = img.dpiY = 300;
  naturalSize(img, 150, w, h);
  EXPECT_DOUBLE_EQ(w, 72);
}

}  // namespace
}  // namespace folio::image
