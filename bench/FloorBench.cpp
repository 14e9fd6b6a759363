// folio_floor: the physical floor of typesetting a document, i.e. what
// shaping, subsetting and compression of the same text cost alone
// (issue 15, docs/performance.md "the physical floor of every case").
//
//   folio_floor [--reps N] [--budget SECONDS] [--fonts DIR] [--json] [--no-every] PDF...
//
// PDF... are what Folio produced for one case (the 1,000 letters: all of
// them). Inputs are read from them (FloorInputs.h says how and why), then
// each part is timed alone, in this process, on one thread:
//  - shape, distinct: each distinct (font, size, word) shaped once with
//    HarfBuzz, on a face created afresh (so the shape plans are compiled as
//    in any new process): the fair minimum, since any typesetter may cache
//    shaped words. Across the documents of a batch too.
//  - shape, every word: every occurrence shaped (a typesetter without a
//    word cache). For information; the floor uses the distinct figure.
//  - subset: hb-subset of each font to the glyphs that shaping gives, with
//    Folio's options (layout tables dropped, HarfBuzz's default flags), then
//    the program compressed with libdeflate at level 6, as Folio embeds it.
//    Each distinct (font, glyph set) once (Folio keeps subsets for a batch);
//    past 8 subsets of a font the face is prepared with
//    hb_subset_preprocess, as Folio does.
//  - compress: every page content stream and form XObject, decompressed
//    from the PDF, compressed again with libdeflate level 6 (src/pdf's
//    compressor and level).
// Each part: the median CPU time (this process, CLOCK_PROCESS_CPUTIME_ID)
// of up to --reps repetitions (at least one, more while within --budget
// seconds), and user-space instructions from perf_event_open when the
// kernel allows it (null otherwise; callgrind's counts of floorShape etc.
// are the load-free figure). Loading the libraries is measured by bench/run
// on folio_floor_empty, an empty program linked against the same libraries.
#include <fontconfig/fontconfig.h>
#include <hb-subset.h>
#include <hb.h>
#include <libdeflate.h>
#include <linux/perf_event.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "FloorInputs.h"

namespace {

using folio::floor::DocumentInputs;

// ------------------------------------------------------------ fonts

struct FontFile {
  std::string psName;
  std::string path;
  unsigned index = 0;
  std::string bytes;  // read once; faces are made from it per repetition
};

// The font file Folio would use for a PostScript name: the repository's
// fonts/ folder first (Folio prefers it), then the system's (fontconfig).
std::optional<FontFile> findFont(const std::string& psName, const std::string& fontDir) {
  FcConfig* config = FcConfigGetCurrent();
  FcPattern* pat = FcPatternCreate();
  FcPatternAddString(pat, FC_POSTSCRIPT_NAME, reinterpret_cast<const FcChar8*>(psName.c_str()));
  FcObjectSet* os = FcObjectSetBuild(FC_FILE, FC_INDEX, nullptr);
  FcFontSet* set = FcFontList(config, pat, os);
  std::optional<FontFile> best;
  for (int i = 0; set && i < set->nfont; ++i) {
    FcChar8* file = nullptr;
    int index = 0;
    if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) != FcResultMatch) continue;
    FcPatternGetInteger(set->fonts[i], FC_INDEX, 0, &index);
    std::string path(reinterpret_cast<const char*>(file));
    const bool ours = !fontDir.empty() && path.rfind(fontDir, 0) == 0;
    if (!best || ours) best = FontFile{psName, path, static_cast<unsigned>(index), {}};
    if (ours) break;
  }
  if (set) FcFontSetDestroy(set);
  FcObjectSetDestroy(os);
  FcPatternDestroy(pat);
  if (best) {
    std::ifstream in(best->path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    best->bytes = s.str();
  }
  return best;
}

struct Face {
  hb_blob_t* blob;
  hb_face_t* face;
  hb_font_t* font;
  explicit Face(const FontFile& f) {
    blob = hb_blob_create(f.bytes.data(), static_cast<unsigned>(f.bytes.size()), HB_MEMORY_MODE_READONLY,
                          nullptr, nullptr);
    face = hb_face_create(blob, f.index);
    font = hb_font_create(face);
    const unsigned upem = hb_face_get_upem(face);
    hb_font_set_scale(font, static_cast<int>(upem), static_cast<int>(upem));  // as Folio: shaped at upem
  }
  ~Face() {
    hb_font_destroy(font);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
  }
  Face(const Face&) = delete;
  Face& operator=(const Face&) = delete;
};

// ------------------------------------------------------------ the work

struct Word {
  size_t font;  // index into the fonts
  std::u32string text;
  size_t count;  // occurrences (summed over the documents)
  std::vector<uint32_t> gids;
};

struct GlyphSet {
  size_t font;
  std::vector<uint32_t> gids;  // sorted, unique
};

void shapeOne(hb_font_t* font, hb_buffer_t* buf, const std::u32string& text, std::vector<uint32_t>* gids) {
  hb_buffer_clear_contents(buf);
  hb_buffer_add_utf32(buf, reinterpret_cast<const uint32_t*>(text.data()), static_cast<int>(text.size()), 0,
                      static_cast<int>(text.size()));
  hb_buffer_guess_segment_properties(buf);
  hb_buffer_set_cluster_level(buf, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
  hb_shape(font, buf, nullptr, 0);
  if (gids) {
    unsigned n = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
    for (unsigned i = 0; i < n; ++i) gids->push_back(info[i].codepoint);
  }
}

// Named, not inlined: callgrind's inclusive cost of floorShapeDistinct,
// floorShapeEvery, floorSubset and floorCompress is that part's instruction
// count (run with --reps 1).
__attribute__((noinline)) void floorShape(const std::vector<FontFile>& fonts, const std::vector<Word>& words,
                                          bool everyOccurrence) {
  std::vector<std::unique_ptr<Face>> faces;
  for (const FontFile& f : fonts) faces.push_back(std::make_unique<Face>(f));
  hb_buffer_t* buf = hb_buffer_create();
  for (const Word& w : words) {
    const size_t n = everyOccurrence ? w.count : 1;
    for (size_t k = 0; k < n; ++k) shapeOne(faces[w.font]->font, buf, w.text, nullptr);
  }
  hb_buffer_destroy(buf);
}

// Two names, so that callgrind counts the two ways apart.
__attribute__((noinline)) void floorShapeDistinct(const std::vector<FontFile>& fonts,
                                                  const std::vector<Word>& words) {
  floorShape(fonts, words, false);
}
__attribute__((noinline)) void floorShapeEvery(const std::vector<FontFile>& fonts,
                                               const std::vector<Word>& words) {
  floorShape(fonts, words, true);
}

struct SubsetResult {
  size_t programBytes = 0, packedBytes = 0, glyphs = 0;
};

std::string subsetProgram(hb_face_t* face, const std::vector<uint32_t>& gids, size_t* glyphsOut) {
  hb_subset_input_t* input = hb_subset_input_create_or_fail();
  hb_set_t* glyphs = hb_subset_input_glyph_set(input);
  for (uint32_t g : gids) hb_set_add(glyphs, g);
  hb_set_t* drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const char* t : {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern", "DSIG"})
    hb_set_add(drop, hb_tag_from_string(t, 4));
  hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_DEFAULT);
  hb_face_t* sub = hb_subset_or_fail(face, input);
  std::string out;
  if (sub) {
    if (glyphsOut) *glyphsOut = hb_face_get_glyph_count(sub);
    // A CFF font is embedded as its bare CFF table (FontFile3), a TrueType
    // one whole (FontFile2), as Folio does.
    hb_blob_t* cff = hb_face_reference_table(sub, HB_TAG('C', 'F', 'F', ' '));
    hb_blob_t* blob = hb_blob_get_length(cff) > 0 ? hb_blob_reference(cff) : hb_face_reference_blob(sub);
    unsigned len = 0;
    const char* data = hb_blob_get_data(blob, &len);
    out.assign(data ? data : "", data ? len : 0);
    hb_blob_destroy(blob);
    hb_blob_destroy(cff);
    hb_face_destroy(sub);
  }
  hb_subset_input_destroy(input);
  return out;
}

std::string deflate6(libdeflate_compressor* c, const std::string& data) {
  std::string out(libdeflate_zlib_compress_bound(c, data.size()), '\0');
  out.resize(libdeflate_zlib_compress(c, data.data(), data.size(), out.data(), out.size()));
  return out;
}

// Returns the CPU spent compressing the programs (part of the call).
__attribute__((noinline)) double floorSubset(const std::vector<FontFile>& fonts,
                                             const std::vector<GlyphSet>& sets, SubsetResult* result);

double cpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

double floorSubset(const std::vector<FontFile>& fonts, const std::vector<GlyphSet>& sets,
                   SubsetResult* result) {
  constexpr int kPrepareAfter = 8;  // as src/fontembed/FontSubset.cpp
  std::vector<std::unique_ptr<Face>> faces;
  for (const FontFile& f : fonts) faces.push_back(std::make_unique<Face>(f));
  std::vector<int> made(fonts.size(), 0);
  std::vector<hb_face_t*> prepared(fonts.size(), nullptr);
  libdeflate_compressor* c = libdeflate_alloc_compressor(6);
  double packing = 0;
  for (const GlyphSet& s : sets) {
    hb_face_t* face = faces[s.font]->face;
    if (++made[s.font] > kPrepareAfter) {
      if (!prepared[s.font]) prepared[s.font] = hb_subset_preprocess(face);
      face = prepared[s.font];
    }
    size_t glyphs = 0;
    std::string program = subsetProgram(face, s.gids, &glyphs);
    const double t0 = cpuSeconds();
    std::string packed = deflate6(c, program);
    packing += cpuSeconds() - t0;
    if (result) {
      result->programBytes += program.size();
      result->packedBytes += packed.size();
      result->glyphs += glyphs;
    }
  }
  libdeflate_free_compressor(c);
  for (hb_face_t* p : prepared)
    if (p) hb_face_destroy(p);
  return packing;
}

__attribute__((noinline)) size_t floorCompress(const std::vector<const std::string*>& streams) {
  libdeflate_compressor* c = libdeflate_alloc_compressor(6);
  size_t total = 0;
  for (const std::string* s : streams) total += deflate6(c, *s).size();
  libdeflate_free_compressor(c);
  return total;
}

// ------------------------------------------------------------ measuring

class InstructionCounter {
 public:
  InstructionCounter() {
    perf_event_attr a{};
    a.type = PERF_TYPE_HARDWARE;
    a.size = sizeof a;
    a.config = PERF_COUNT_HW_INSTRUCTIONS;
    a.disabled = 1;
    a.exclude_kernel = 1;
    a.exclude_hv = 1;
    m_fd = static_cast<int>(syscall(SYS_perf_event_open, &a, 0, -1, -1, 0));
  }
  ~InstructionCounter() {
    if (m_fd >= 0) close(m_fd);
  }
  bool ok() const { return m_fd >= 0; }
  void start() {
    if (m_fd < 0) return;
    ioctl(m_fd, PERF_EVENT_IOC_RESET, 0);
    ioctl(m_fd, PERF_EVENT_IOC_ENABLE, 0);
  }
  long long stop() {
    if (m_fd < 0) return -1;
    ioctl(m_fd, PERF_EVENT_IOC_DISABLE, 0);
    long long v = -1;
    if (read(m_fd, &v, sizeof v) != sizeof v) return -1;
    return v;
  }

 private:
  int m_fd = -1;
};

struct Part {
  std::vector<double> cpu;
  std::vector<long long> instructions;
  double median() const {
    std::vector<double> v = cpu;
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
  }
  long long medianInstructions() const {
    std::vector<long long> v = instructions;
    std::sort(v.begin(), v.end());
    return v.empty() ? -1 : v[v.size() / 2];
  }
};

template <class F>
Part measure(int reps, double budget, InstructionCounter& counter, F&& work) {
  Part p;
  double spent = 0;
  for (int r = 0; r < reps && (r == 0 || spent < budget); ++r) {
    counter.start();
    const double t0 = cpuSeconds();
    work();
    const double t = cpuSeconds() - t0;
    p.instructions.push_back(counter.stop());
    p.cpu.push_back(t);
    spent += t;
  }
  return p;
}

std::string utf8(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

std::string jsonString(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) {
      char b[8];
      std::snprintf(b, sizeof b, "\\u%04x", c);
      out += b;
      continue;
    }
    out += c;
  }
  return out + "\"";
}

int usage() {
  std::cerr << "usage: folio_floor [--reps N] [--budget SECONDS] [--fonts DIR] [--json] [--dump-words] "
               "[--no-every] PDF...\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  int reps = 5;
  double budget = 3.0;
  bool json = false, dumpWords = false, every = true;
  std::string fontDir = std::string(FOLIO_SOURCE_DIR) + "/fonts/";
  std::vector<std::string> pdfs;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--reps" && i + 1 < argc)
      reps = std::max(1, std::atoi(argv[++i]));
    else if (a == "--budget" && i + 1 < argc)
      budget = std::atof(argv[++i]);
    else if (a == "--fonts" && i + 1 < argc)
      fontDir = argv[++i];
    else if (a == "--json")
      json = true;
    else if (a == "--dump-words")
      dumpWords = true;
    else if (a == "--no-every")  // skip shaping every occurrence (long under callgrind)
      every = false;
    else if (!a.empty() && a[0] == '-')
      return usage();
    else
      pdfs.push_back(a);
  }
  if (pdfs.empty()) return usage();

  // ---- inputs (not timed)
  std::vector<DocumentInputs> docs;
  try {
    for (const std::string& p : pdfs) docs.push_back(folio::floor::readDocument(p));
  } catch (const std::exception& e) {
    std::cerr << "folio_floor: " << e.what() << "\n";
    return 1;
  }
  if (!fontDir.empty()) FcConfigAppFontAddDir(nullptr, reinterpret_cast<const FcChar8*>(fontDir.c_str()));

  std::vector<FontFile> fonts;
  std::map<std::string, size_t> fontIndex;
  std::map<std::pair<size_t, std::pair<int, std::u32string>>, size_t> wordIndex;
  std::vector<Word> words;
  size_t occurrences = 0, pages = 0, contentBytes = 0, contentStoredBytes = 0;
  std::vector<const std::string*> streams;
  std::map<std::string, int> pdfGlyphsMax;
  for (const DocumentInputs& d : docs) {
    pages += static_cast<size_t>(d.pages);
    contentStoredBytes += d.contentStoredBytes;
    for (const std::string& s : d.contentStreams) {
      streams.push_back(&s);
      contentBytes += s.size();
    }
    for (const auto& [ps, counts] : d.words) {
      if (!fontIndex.count(ps)) {
        std::optional<FontFile> f = findFont(ps, fontDir);
        if (!f) {
          std::cerr << "folio_floor: " << d.path << ": no font file for " << ps
                    << " (its text is left out)\n";
          fontIndex[ps] = SIZE_MAX;
          continue;
        }
        fontIndex[ps] = fonts.size();
        fonts.push_back(std::move(*f));
      }
      const size_t fi = fontIndex[ps];
      if (fi == SIZE_MAX) continue;
      for (const auto& [key, n] : counts) {
        auto [it, added] = wordIndex.emplace(std::make_pair(fi, key), words.size());
        if (added) words.push_back(Word{fi, key.second, 0, {}});
        words[it->second].count += n;
        occurrences += n;
      }
    }
    for (const auto& [ps, n] : d.pdfGlyphs) {
      auto [it, added] = pdfGlyphsMax.emplace(ps, n);
      if (!added) it->second = std::max(it->second, n);
    }
  }

  // The glyphs each word shapes to, once, for the glyph sets (not timed).
  {
    std::vector<std::unique_ptr<Face>> faces;
    for (const FontFile& f : fonts) faces.push_back(std::make_unique<Face>(f));
    hb_buffer_t* buf = hb_buffer_create();
    for (Word& w : words) shapeOne(faces[w.font]->font, buf, w.text, &w.gids);
    hb_buffer_destroy(buf);
  }
  // Each document's glyph set per font; distinct sets across the batch.
  std::vector<GlyphSet> sets;
  size_t documentFontSubsets = 0;
  {
    std::set<std::pair<size_t, std::vector<uint32_t>>> seen;
    for (const DocumentInputs& d : docs) {
      for (const auto& [ps, counts] : d.words) {
        const size_t fi = fontIndex[ps];
        if (fi == SIZE_MAX) continue;
        std::set<uint32_t> g{0};  // .notdef, as hb-subset keeps it
        for (const auto& [key, n] : counts)
          for (uint32_t gid : words[wordIndex.at({fi, key})].gids) g.insert(gid);
        std::vector<uint32_t> v(g.begin(), g.end());
        ++documentFontSubsets;
        if (seen.emplace(fi, v).second) sets.push_back(GlyphSet{fi, std::move(v)});
      }
    }
  }
  if (dumpWords) {
    for (const Word& w : words)
      std::cout << fonts[w.font].psName << "\t" << w.count << "\t" << utf8(w.text) << "\n";
    return 0;
  }

  // ---- the floor (timed)
  InstructionCounter counter;
  Part shapeDistinct = measure(reps, budget, counter, [&] { floorShapeDistinct(fonts, words); });
  Part shapeEvery;
  if (every) shapeEvery = measure(reps, budget, counter, [&] { floorShapeEvery(fonts, words); });
  SubsetResult subsetInfo;
  std::vector<double> packing;
  bool first = true;
  Part subset = measure(reps, budget, counter, [&] {
    packing.push_back(floorSubset(fonts, sets, first ? &subsetInfo : nullptr));
    first = false;
  });
  size_t compressedBytes = 0;
  Part compress = measure(reps, budget, counter, [&] { compressedBytes = floorCompress(streams); });
  std::sort(packing.begin(), packing.end());
  const double packMedian = packing.empty() ? 0 : packing[packing.size() / 2];
  const double total = shapeDistinct.median() + subset.median() + compress.median();

  if (json) {
    auto part = [](const Part& p) {
      std::ostringstream s;
      s << "{\"cpu_ms\": " << p.median() * 1000 << ", \"runs\": " << p.cpu.size() << ", \"instructions\": ";
      if (p.medianInstructions() >= 0)
        s << p.medianInstructions();
      else
        s << "null";
      s << "}";
      return s.str();
    };
    std::cout << "{\"documents\": " << docs.size() << ", \"pages\": " << pages
              << ", \"fonts\": " << fonts.size() << ", \"words_distinct\": " << words.size()
              << ", \"words_every\": " << occurrences << ", \"glyph_sets\": " << sets.size()
              << ", \"document_font_subsets\": " << documentFontSubsets
              << ", \"subset_glyphs\": " << subsetInfo.glyphs
              << ", \"subset_program_bytes\": " << subsetInfo.programBytes
              << ", \"subset_packed_bytes\": " << subsetInfo.packedBytes
              << ", \"content_streams\": " << streams.size() << ", \"content_bytes\": " << contentBytes
              << ", \"content_compressed_bytes\": " << compressedBytes
              << ", \"content_pdf_bytes\": " << contentStoredBytes
              << ",\n \"shape_distinct\": " << part(shapeDistinct)
              << ",\n \"shape_every\": " << part(shapeEvery) << ",\n \"subset\": " << part(subset)
              << ", \"subset_deflate_cpu_ms\": " << packMedian * 1000
              << ",\n \"compress\": " << part(compress) << ",\n \"floor_cpu_ms\": " << total * 1000
              << ",\n \"pdf_glyphs\": {";
    bool firstFont = true;
    for (const auto& [ps, n] : pdfGlyphsMax) {
      std::cout << (firstFont ? "" : ", ") << jsonString(ps) << ": " << n;
      firstFont = false;
    }
    std::cout << "}}\n";
    return 0;
  }
  std::printf("%zu document(s), %zu pages, %zu fonts\n", docs.size(), pages, fonts.size());
  std::printf("shape, distinct  %9.2f ms  %zu (font, size, word)\n", shapeDistinct.median() * 1e3,
              words.size());
  std::printf("shape, every     %9.2f ms  %zu words\n", shapeEvery.median() * 1e3, occurrences);
  std::printf(
      "subset           %9.2f ms  %zu glyph sets (%zu document fonts), %zu glyphs; deflate of the "
      "programs %.2f ms\n",
      subset.median() * 1e3, sets.size(), documentFontSubsets, subsetInfo.glyphs, packMedian * 1e3);
  std::printf("compress         %9.2f ms  %zu streams, %zu -> %zu bytes (in the PDF: %zu)\n",
              compress.median() * 1e3, streams.size(), contentBytes, compressedBytes, contentStoredBytes);
  std::printf("floor (shape distinct + subset + compress) %.2f ms CPU, without loading the libraries\n",
              total * 1e3);
  if (counter.ok())
    std::printf("instructions: shape %lld, every %lld, subset %lld, compress %lld\n",
                shapeDistinct.medianInstructions(), shapeEvery.medianInstructions(),
                subset.medianInstructions(), compress.medianInstructions());
  for (const auto& [ps, n] : pdfGlyphsMax) std::printf("  PDF subset of %s: %d glyphs\n", ps.c_str(), n);
  return 0;
}
