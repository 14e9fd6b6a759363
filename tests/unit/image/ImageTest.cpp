#include <gtest/gtest.h>

#include "ImageFixtures.h"
#include "image/Image.h"

namespace folio::image {
namespace {

using testimg::PngSpec;
using testimg::TempDir;

const SourcePos kPos{"doc.yaml", 12, 5};

std::shared_ptr<const Image> loadOk(const std::string& path, const Limits& limits = {}) {
  Diagnostics diags;
  auto img = load(path, limits, kPos, diags);
  EXPECT_FALSE(diags.hasErrors()) << diags.format();
  EXPECT_NE(img, nullptr);
  return img;
}

// Loads a file that must fail; returns the one diagnostic's text.
std::string loadError(const std::string& path, const Limits& limits = {}) {
  Diagnostics diags;
  auto img = load(path, limits, kPos, diags);
  EXPECT_EQ(img, nullptr);
  EXPECT_EQ(diags.errorCount(), 1u);
  return diags.all().empty() ? std::string() : diags.all()[0].format();
}

std::string probeError(const std::string& path, const Limits& limits = {}) {
  Diagnostics diags;
  Image img;
  EXPECT_FALSE(probe(path, limits, img, kPos, diags));
  EXPECT_EQ(diags.errorCount(), 1u);
  return diags.all().empty() ? std::string() : diags.all()[0].format();
}

TEST(PngTest, RgbaSplitsAlphaIntoSoftMask) {
  TempDir dir;
  std::string path = dir.file("rgba.png");
  PngSpec spec;
  spec.width = 5;
  spec.height = 2;
  spec.dpi = 144;
  testimg::writePng(path, spec);

  Image head;
  Diagnostics diags;
  ASSERT_TRUE(probe(path, {}, head, kPos, diags)) << diags.format();
  EXPECT_EQ(head.format, Image::Format::Png);
  EXPECT_EQ(head.width, 5u);
  EXPECT_EQ(head.height, 2u);
  EXPECT_EQ(head.components, 3);
  EXPECT_NEAR(head.dpiX, 144, 0.1);
  EXPECT_TRUE(head.data.empty());  // probe decodes nothing

  auto img = loadOk(path);
  ASSERT_TRUE(img);
  EXPECT_EQ(img->components, 3);
  EXPECT_EQ(img->bitsPerComponent, 8);
  ASSERT_EQ(img->data.size(), 5u * 2 * 3);
  ASSERT_EQ(img->alpha.size(), 5u * 2);
  EXPECT_NEAR(img->dpiY, 144, 0.1);
  for (int y = 0; y < 2; ++y)
    for (int x = 0; x < 5; ++x) {
      size_t i = static_cast<size_t>(y) * 5 + x;
      EXPECT_EQ(static_cast<unsigned char>(img->data[i * 3 + 1]), testimg::pngSample(x, y, 1, 255));
      EXPECT_EQ(static_cast<unsigned char>(img->alpha[i]), std::min(255, x * 60));
    }
}

TEST(PngTest, OpaqueAlphaIsDropped) {
  TempDir dir;
  std::string path = dir.file("opaque.png");
  PngSpec spec;
  spec.width = 1;  // alpha = x*60 = 0 ... so use a palette with full alpha instead
  spec.colorType = PNG_COLOR_TYPE_PALETTE;
  spec.bitDepth = 8;
  spec.palette = {{10, 20, 30}, {40, 50, 60}};
  spec.paletteAlpha = {255, 255};
  testimg::writePng(path, spec);
  auto img = loadOk(path);
  ASSERT_TRUE(img);
  EXPECT_EQ(img->components, 3);
  EXPECT_TRUE(img->alpha.empty());
}

TEST(PngTest, PaletteExpandsToRgbWithTransparency) {
  TempDir dir;
  std::string path = dir.file("palette.png");
  PngSpec spec;
  spec.width = 6;
  spec.height = 4;
  spec.colorType = PNG_COLOR_TYPE_PALETTE;
  spec.bitDepth = 4;
  spec.palette = {{255, 0, 0}, {0, 255, 0}, {0, 0, 255}};
  spec.paletteAlpha = {0, 128};  // entry 2 opaque
  testimg::writePng(path, spec);
  auto img = loadOk(path);
  ASSERT_TRUE(img);
  EXPECT_EQ(img->components, 3);
  EXPECT_EQ(img->bitsPerComponent, 8);
  ASSERT_EQ(img->data.size(), 6u * 4 * 3);
  ASSERT_EQ(img->alpha.size(), 6u * 4);
  unsigned index = testimg::pngSample(0, 0, 0, 2);
  EXPECT_EQ(static_cast<unsigned char>(img->data[0]), spec.palette[index].red);
  EXPECT_EQ(static_cast<unsigned char>(img->alpha[0]), index < 2 ? spec.paletteAlpha[index] : 255);
}

TEST(PngTest, GrayAndLowBitGray) {
  TempDir dir;
  for (int depth : {1, 2, 4, 8}) {
    std::string path = dir.file("gray" + std::to_string(depth) + ".png");
    PngSpec spec;
    spec.width = 9;
    spec.height = 3;
    spec.colorType = PNG_COLOR_TYPE_GRAY;
    spec.bitDepth = depth;
    testimg::writePng(path, spec);
    auto img = loadOk(path);
    ASSERT_TRUE(img);
    EXPECT_EQ(img->components, 1);
    EXPECT_EQ(img->bitsPerComponent, 8);
    EXPECT_EQ(img->data.size(), 9u * 3);
    EXPECT_TRUE(img->alpha.empty());
  }
}

TEST(PngTest, GrayAlpha) {
  TempDir dir;
  std::string path = dir.file("ga.png");
  PngSpec spec;
  spec.colorType = PNG_COLOR_TYPE_GRAY_ALPHA;
  testimg::writePng(path, spec);
  auto img = loadOk(path);
  ASSERT_TRUE(img);
  EXPECT_EQ(img->components, 1);
  EXPECT_EQ(img->data.size(), 4u * 3);
  EXPECT_EQ(img->alpha.size(), 4u * 3);
}

TEST(PngTest, SixteenBitIsKeptBigEndian) {
  TempDir dir;
  std::string path = dir.file("rgb16.png");
  PngSpec spec;
  spec.colorType = PNG_COLOR_TYPE_RGB_ALPHA;
  spec.bitDepth = 16;
  testimg::writePng(path, spec);
  auto img = loadOk(path);
  ASSERT_TRUE(img);
  EXPECT_EQ(img->bitsPerComponent, 16);
  ASSERT_EQ(img->data.size(), 4u * 3 * 3 * 2);
  ASSERT_EQ(img->alpha.size(), 4u * 3 * 2);
  unsigned v = testimg::pngSample(1, 0, 2, 65535);
  EXPECT_EQ(static_cast<unsigned char>(img->data[(1 * 3 + 2) * 2]), v >> 8);
  EXPECT_EQ(static_cast<unsigned char>(img->data[(1 * 3 + 2) * 2 + 1]), v & 0xFF);
  EXPECT_EQ(static_cast<unsigned char>(img->alpha[1 * 2 + 1]), 60);  // alpha 60 -> 0x003C
}

TEST(PngTest, InterlacedMatchesNonInterlaced) {
  TempDir dir;
  PngSpec spec;
  spec.width = 13;
  spec.height = 11;
  spec.colorType = PNG_COLOR_TYPE_RGB;
  testimg::writePng(dir.file("plain.png"), spec);
  spec.interlaced = true;
  testimg::writePng(dir.file("adam7.png"), spec);
  auto a = loadOk(dir.file("plain.png"));
  auto b = loadOk(dir.file("adam7.png"));
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->data, b->data);
}

TEST(PngTest, TruncatedFileIsADiagnostic) {
  TempDir dir;
  std::string path = dir.file("cut.png");
  PngSpec spec;
  spec.width = 64;
  spec.height = 64;
  testimg::writePng(path, spec);
  std::string bytes = testimg::readFile(path);
  testimg::writeFile(path, bytes.substr(0, bytes.size() / 2));
  EXPECT_EQ(loadError(path), "doc.yaml:12:5: error: cannot read image '" + path +
                                 "': truncated file; expected a PNG or JPEG image");
  // Cut inside the header: probe notices too.
  testimg::writeFile(path, bytes.substr(0, 20));
  EXPECT_NE(probeError(path).find("truncated file"), std::string::npos);
}

TEST(PngTest, CorruptDataIsADiagnostic) {
  TempDir dir;
  std::string path = dir.file("corrupt.png");
  PngSpec spec;
  spec.width = 32;
  spec.height = 32;
  testimg::writePng(path, spec);
  std::string bytes = testimg::readFile(path);
  size_t idat = bytes.find("IDAT");
  ASSERT_NE(idat, std::string::npos);
  for (size_t i = idat + 6; i < idat + 30; ++i) bytes[i] = static_cast<char>(bytes[i] ^ 0x5A);
  testimg::writeFile(path, bytes);
  std::string msg = loadError(path);
  EXPECT_NE(msg.find("corrupt PNG data"), std::string::npos) << msg;

  // A damaged IHDR is caught by the header read (CRC).
  bytes = testimg::readFile(path);
  bytes[17] ^= 1;
  testimg::writeFile(path, bytes);
  EXPECT_NE(probeError(path).find("IHDR: CRC error"), std::string::npos);
}

TEST(PngTest, OversizedHeaderIsRefusedBeforeDecoding) {
  TempDir dir;
  std::string path = dir.file("huge.png");
  testimg::writePngHeaderOnly(path, 100000, 100000);
  std::string expected = "doc.yaml:12:5: error: cannot read image '" + path +
                         "': image is 100000x100000 pixels, over the limit of 100000000 pixels; "
                         "expected a PNG or JPEG image";
  EXPECT_EQ(probeError(path), expected);
  // load() refuses on the header too: the file holds no image data at all, so
  // any attempt to decode would have reported a truncated file instead.
  EXPECT_EQ(loadError(path), expected);
}

TEST(ImageTest, FileSizeBudget) {
  TempDir dir;
  std::string path = dir.file("big.png");
  PngSpec spec;
  spec.width = 40;
  spec.height = 40;
  testimg::writePng(path, spec);
  Limits limits;
  limits.maxFileBytes = 10;
  EXPECT_NE(loadError(path, limits).find("over the limit of 0.0 MB"), std::string::npos);
}

TEST(ImageTest, MissingAndUnknownFiles) {
  TempDir dir;
  EXPECT_NE(loadError(dir.file("nope.png")).find("file not found"), std::string::npos);
  testimg::writeFile(dir.file("anim.gif"), "GIF89a\x01\x00\x01\x00");
  EXPECT_NE(
      loadError(dir.file("anim.gif")).find("GIF images are not supported; expected a PNG or JPEG image"),
      std::string::npos);
  testimg::writeFile(dir.file("empty.png"), "");
  EXPECT_NE(probeError(dir.file("empty.png")).find("the file is empty"), std::string::npos);
}

TEST(JpegTest, GreyRgbCmyk) {
  TempDir dir;
  struct Case {
    int components;
    bool inverted;
  };
  for (Case c : {Case{1, false}, Case{3, false}, Case{4, true}}) {
    std::string path = dir.file("c" + std::to_string(c.components) + ".jpg");
    testimg::writeJpeg(path, 17, 9, c.components, 300);
    Image head;
    Diagnostics diags;
    ASSERT_TRUE(probe(path, {}, head, kPos, diags)) << diags.format();
    EXPECT_EQ(head.format, Image::Format::Jpeg);
    EXPECT_EQ(head.width, 17u);
    EXPECT_EQ(head.height, 9u);
    EXPECT_EQ(head.components, c.components);
    auto img = loadOk(path);
    ASSERT_TRUE(img);
    EXPECT_EQ(img->components, c.components);
    EXPECT_EQ(img->bitsPerComponent, 8);
    // libjpeg writes CMYK with an Adobe APP14 marker: the Photoshop convention.
    EXPECT_EQ(img->adobeInvertedCmyk, c.inverted);
    EXPECT_EQ(img->data, testimg::readFile(path));  // pass-through, byte for byte
    if (c.components != 4) {
      EXPECT_NEAR(img->dpiX, 300, 0.01);
      EXPECT_NEAR(img->dpiY, 300, 0.01);
    }
  }
}

TEST(JpegTest, TruncatedAndCorrupt) {
  TempDir dir;
  std::string path = dir.file("photo.jpg");
  testimg::writeJpeg(path, 64, 64, 3);
  std::string bytes = testimg::readFile(path);

  testimg::writeFile(path, bytes.substr(0, bytes.size() - 100));
  EXPECT_EQ(loadError(path), "doc.yaml:12:5: error: cannot read image '" + path +
                                 "': truncated file; expected a PNG or JPEG image");
  testimg::writeFile(path, bytes.substr(0, 40));
  EXPECT_NE(probeError(path).find("truncated file"), std::string::npos);

  // A quantisation table with an invalid precision/index byte: libjpeg rejects it.
  std::string bad = bytes;
  size_t dqt = bad.find("\xFF\xDB");
  ASSERT_NE(dqt, std::string::npos);
  bad[dqt + 4] = static_cast<char>(0x37);
  testimg::writeFile(path, bad);
  std::string msg = loadError(path);
  EXPECT_NE(msg.find("corrupt JPEG data"), std::string::npos) << msg;

  // Garbage where a marker should be.
  testimg::writeFile(path, std::string("\xFF\xD8\xFF\xE0\x00\x02", 6) + "garbage");
  EXPECT_NE(probeError(path).find("corrupt JPEG data"), std::string::npos);
}

TEST(JpegTest, OversizedHeaderIsRefused) {
  TempDir dir;
  std::string path = dir.file("huge.jpg");
  // SOI, SOF0 65535x65535x3, SOS header, no scan data.
  std::string sof(
      "\xFF\xD8\xFF\xC0\x00\x11\x08\xFF\xFF\xFF\xFF\x03\x01\x11\x00\x02\x11\x01\x03\x11\x01"
      "\xFF\xDA\x00\x08\x01\x01\x00\x00\x3F\x00",
      31);
  testimg::writeFile(path, sof);
  EXPECT_NE(probeError(path).find("image is 65535x65535 pixels, over the limit"), std::string::npos);
  EXPECT_NE(loadError(path).find("image is 65535x65535 pixels"), std::string::npos);
}

TEST(ImageTest, DamagedFilesNeverCrash) {
  // Deterministic damage at many places of a PNG and a JPEG: every outcome
  // must be an image or one diagnostic (run under the sanitizers for teeth).
  TempDir dir;
  PngSpec spec;
  spec.width = 20;
  spec.height = 10;
  spec.interlaced = true;
  testimg::writePng(dir.file("a.png"), spec);
  testimg::writeJpeg(dir.file("a.jpg"), 20, 10, 3);
  uint32_t seed = 12345;
  auto next = [&seed] { return seed = seed * 1103515245u + 12345u; };
  for (const char* name : {"a.png", "a.jpg"}) {
    std::string original = testimg::readFile(dir.file(name));
    for (int round = 0; round < 300; ++round) {
      std::string bytes = original;
      int edits = 1 + static_cast<int>(next() % 4);
      for (int k = 0; k < edits; ++k) bytes[next() % bytes.size()] = static_cast<char>(next() >> 16);
      if (round % 5 == 0) bytes.resize(next() % bytes.size());
      std::string path = dir.file(std::string("damaged-") + name);
      testimg::writeFile(path, bytes);
      Diagnostics diags;
      auto img = load(path, {}, kPos, diags);
      EXPECT_TRUE((img != nullptr) != diags.hasErrors()) << name << " round " << round;
      Image head;
      Diagnostics probeDiags;
      EXPECT_TRUE(probe(path, {}, head, kPos, probeDiags) != probeDiags.hasErrors());
    }
  }
}

// A small file can inflate to a huge image: the decoded samples must fit
// maxPixels of 8-bit RGB, checked from the header before decoding.
TEST(PngTest, DecodedSizeBudgetCountsChannelsDepthAndTransparency) {
  TempDir dir;
  Limits limits;
  limits.maxPixels = 100;  // 300 bytes decoded
  PngSpec rgb;
  rgb.width = 10;
  rgb.height = 10;
  rgb.colorType = PNG_COLOR_TYPE_RGB;
  testimg::writePng(dir.file("rgb.png"), rgb);
  EXPECT_TRUE(loadOk(dir.file("rgb.png"), limits));  // exactly 300 bytes
  PngSpec rgba = rgb;
  rgba.colorType = PNG_COLOR_TYPE_RGB_ALPHA;
  testimg::writePng(dir.file("rgba.png"), rgba);
  EXPECT_EQ(loadError(dir.file("rgba.png"), limits),
            "doc.yaml:12:5: error: cannot read image '" + dir.file("rgba.png") +
                "': image is 10x10 pixels of 4 bytes each (400 bytes decoded), over the limit of 300 bytes "
                "(100 pixels of "
                "8-bit RGB); expected a PNG or JPEG image");
  EXPECT_NE(probeError(dir.file("rgba.png"), limits).find("4 bytes each"), std::string::npos);
  PngSpec deep = rgb;
  deep.bitDepth = 16;
  testimg::writePng(dir.file("rgb16.png"), deep);
  EXPECT_NE(loadError(dir.file("rgb16.png"), limits).find("6 bytes each"), std::string::npos);
  // A palette with tRNS decodes to RGBA.
  PngSpec palette = rgb;
  palette.colorType = PNG_COLOR_TYPE_PALETTE;
  palette.bitDepth = 8;
  palette.palette = {{255, 0, 0}, {0, 255, 0}};
  testimg::writePng(dir.file("palette.png"), palette);
  EXPECT_TRUE(loadOk(dir.file("palette.png"), limits));
  palette.paletteAlpha = {0};
  testimg::writePng(dir.file("palette-trns.png"), palette);
  EXPECT_NE(loadError(dir.file("palette-trns.png"), limits).find("4 bytes each"), std::string::npos);
}

}  // namespace
}  // namespace folio::image
