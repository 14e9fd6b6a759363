// Print output in the writer: page boxes, the bleed clip, marks outside it,
// and what PDF/X-4 refuses. Read back with qpdf and pdfinfo.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "PdfTestSupport.h"
#include "pdf/PdfWriter.h"
#include "pdf/Standards.h"

namespace folio::pdf {
namespace {

frame::Document printPage() {
  frame::Document doc;
  frame::Page page;
  page.width = mm(236);
  page.height = mm(323);
  page.boxes =
      frame::PrintBoxes{Rect{mm(13), mm(13), mm(210), mm(297)}, Rect{mm(10), mm(10), mm(216), mm(303)}};
  page.items.push_back(
      frame::Fill{Rect{mm(0), mm(300), mm(236), mm(20)}, Color::cmyk(0, 0.28f, 0.85f, 0.18f)});
  page.marks.push_back(frame::Stroke{Point{mm(0), mm(13)}, Point{mm(8), mm(13)}, pt(0.3), Color::black()});
  doc.pages.push_back(page);
  return doc;
}

std::string tempPath(const char* name) { return (std::filesystem::temp_directory_path() / name).string(); }

TEST(PrintOutput, BoxesClipAndMarks) {
  std::string path = tempPath("folio-print-boxes.pdf");
  Diagnostics d;
  ASSERT_TRUE(writePdf(printPage(), path, WriteOptions{}, d)) << d.format();
  pdftest::ToolResult boxes = pdftest::run("pdfinfo -box '" + path + "'");
  EXPECT_NE(boxes.output.find("BleedBox:           28.35    28.35   640.63   887.24"), std::string::npos)
      << boxes.output;
  EXPECT_NE(boxes.output.find("TrimBox:            36.85    36.85   632.13   878.74"), std::string::npos)
      << boxes.output;
  pdftest::ToolResult qdf = pdftest::run("qpdf --qdf --object-streams=disable '" + path + "' -");
  // The page is clipped at the bleed box; the mark comes after the clip's Q.
  size_t clip = qdf.output.find("28.3465 28.3465 612.2835 858.8976 re W n");
  size_t restore = qdf.output.find("Q\n", clip);
  size_t mark = qdf.output.find("0.3 w");
  ASSERT_NE(clip, std::string::npos) << qdf.output;
  EXPECT_LT(restore, mark);
}

TEST(PrintOutput, PdfX4RefusesADocumentWithoutPageBoxesOrProfiles) {
  frame::Document doc = printPage();
  WriteOptions o;
  o.standard = PdfStandard::PdfX4;
  Diagnostics d;
  EXPECT_FALSE(writePdf(doc, tempPath("folio-x4-noprofile.pdf"), o, d));
  EXPECT_NE(d.format().find("no usable sRGB ICC profile for pdf/x-4"), std::string::npos) << d.format();
}

TEST(PrintOutput, ReadsIccHeaders) {
  std::ifstream in("/usr/share/color/icc/ghostscript/default_cmyk.icc", std::ios::binary);
  ASSERT_TRUE(in) << "libgs-common is installed by tools/setup.sh";
  std::stringstream bytes;
  bytes << in.rdbuf();
  IccInfo info = readIccInfo(bytes.str());
  EXPECT_EQ(info.components, 4);
  EXPECT_EQ(info.deviceClass, "prtr");
  EXPECT_EQ(info.description, "Artifex CMYK SWOP Profile");
  EXPECT_EQ(readIccInfo("not a profile").components, 0);
}

}  // namespace
}  // namespace folio::pdf
