// The PDF-page module's C interface (pdfread/ModuleAbi.h), called as folio
// calls it after dlopen: the test links the module's objects, so the entry
// is called directly. And folio's loader when the module is not there.
#include <gtest/gtest.h>
#include <unistd.h>

#include <climits>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "pdfread/ModuleAbi.h"
#include "pdfread/PdfModule.h"

extern "C" const folio_pdfread_api* folio_pdfread_entry(uint32_t abi);

namespace folio::pdfread {
namespace {

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string kMark = FOLIO_SOURCE_DIR "/content/layouts/harbour-mark.pdf";

struct Page {
  explicit Page(const std::string& file, int page) : api(folio_pdfread_entry(FOLIO_PDFREAD_ABI)) {
    p = api->open(file.data(), file.size(), page);
  }
  ~Page() { api->close(p); }
  const folio_pdfread_api* api;
  folio_pdfread_page* p;
};

std::string text(folio_pdfread_bytes b) { return std::string(b.data ? b.data : "", b.size); }

// Every "N G R" in `syntax` (outside streams: the caller passes dictionaries).
std::vector<uint32_t> references(const std::string& syntax) {
  std::vector<uint32_t> out;
  static const std::regex ref(R"((\d+) 0 R)");
  for (auto it = std::sregex_iterator(syntax.begin(), syntax.end(), ref); it != std::sregex_iterator(); ++it)
    out.push_back(static_cast<uint32_t>(std::stoul((*it)[1])));
  return out;
}

TEST(PdfModule, EntryAnswersOnlyItsOwnVersion) {
  const folio_pdfread_api* api = folio_pdfread_entry(FOLIO_PDFREAD_ABI);
  ASSERT_NE(api, nullptr);
  EXPECT_EQ(api->abi, static_cast<uint32_t>(FOLIO_PDFREAD_ABI));
  EXPECT_EQ(api->size, sizeof(folio_pdfread_api));
  EXPECT_EQ(folio_pdfread_entry(FOLIO_PDFREAD_ABI + 1), nullptr);
  EXPECT_EQ(folio_pdfread_entry(0), nullptr);
}

TEST(PdfModule, CopiesThePageRenumberedToTheReservedNumbers) {
  const std::string file = readFile(kMark);
  ASSERT_FALSE(file.empty());
  Page page(file, 1);
  ASSERT_NE(page.p, nullptr);
  ASSERT_STREQ(page.api->problem(page.p), "");
  double w = 0, h = 0, box[4], matrix[6];
  page.api->extent(page.p, &w, &h);
  EXPECT_EQ(w, 100);
  EXPECT_EQ(h, 100);
  page.api->form(page.p, box, matrix);
  EXPECT_EQ(box[2] - box[0], 100);
  EXPECT_EQ(matrix[0], 1);
  const uint32_t count = page.api->object_count(page.p);
  ASSERT_GT(count, 2u);  // the Type 3 font, its encoding, its glyph procedures...
  const uint32_t first = 41;
  ASSERT_EQ(page.api->number(page.p, first), 1);
  const std::string resources = text(page.api->resources(page.p));
  ASSERT_EQ(resources.substr(0, 2), "<<");
  EXPECT_NE(resources.find("/Font"), std::string::npos);
  int streams = 0;
  std::vector<uint32_t> refs = references(resources);
  for (uint32_t i = 0; i < count; ++i) {
    const std::string value = text(page.api->object(page.p, i));
    ASSERT_FALSE(value.empty()) << i;
    const folio_pdfread_bytes data = page.api->stream(page.p, i);
    if (data.data) {
      ++streams;
      // A stream's value is its dictionary, whose /Length is the data's.
      ASSERT_EQ(value.substr(0, 2), "<<") << i;
      EXPECT_NE(value.find("/Length " + std::to_string(data.size)), std::string::npos) << value;
    }
    for (uint32_t r : references(value)) refs.push_back(r);
  }
  EXPECT_EQ(page.api->stream(page.p, count).data, nullptr);
  EXPECT_GT(streams, 0);
  // Everything referred to is one of the copied objects, and each is reached.
  ASSERT_FALSE(refs.empty());
  std::vector<bool> reached(count, false);
  for (uint32_t r : refs) {
    ASSERT_GE(r, first);
    ASSERT_LT(r, first + count);
    reached[r - first] = true;
  }
  for (uint32_t i = 0; i < count; ++i)
    EXPECT_TRUE(reached[i]) << "object " << first + i << " is reached by nothing";
  EXPECT_NE(text(page.api->content(page.p)).find("Tj"), std::string::npos);
}

TEST(PdfModule, SaysWhyAPageCannotBeRead) {
  const std::string file = readFile(kMark);
  {
    Page page(file, 2);
    EXPECT_STREQ(page.api->problem(page.p), "page 2 does not exist; the PDF has 1 page");
    EXPECT_EQ(page.api->number(page.p, 10), 0);  // nothing to number
  }
  {
    Page page("%PDF-1.4\nnot a PDF at all\n", 1);
    EXPECT_EQ(std::string(page.api->problem(page.p)).rfind("the PDF cannot be parsed", 0), 0u)
        << page.api->problem(page.p);
  }
}

// folio's loader looks beside the running executable; the test's own
// directory (build/tests) holds no module, so it says where it looked.
TEST(PdfModule, LoaderSaysWhereItLookedWhenTheModuleIsMissing) {
  char exe[PATH_MAX];
  const ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  ASSERT_GT(n, 0);
  std::string dir(exe, static_cast<size_t>(n));
  dir.resize(dir.rfind('/'));
  const std::string file = readFile(kMark);
  PageImport import;
  const std::string problem = import.open(file, 1);
  EXPECT_EQ(problem.rfind("placing a PDF page needs libfolio-pdfread.so; looked in " + dir, 0), 0u)
      << problem;
  std::string again;
  EXPECT_EQ(module(again), nullptr);  // loaded (or not) once
  EXPECT_EQ(again, problem);
}

}  // namespace
}  // namespace folio::pdfread
