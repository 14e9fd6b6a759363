// The folio command line: render, check, fonts.
#include "cli/Cli.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <thread>

#include "cli/Batch.h"
#include "text/Itemizer.h"

#ifndef FOLIO_DATA_DIR
#define FOLIO_DATA_DIR "."
#endif

namespace folio::cli {

namespace fs = std::filesystem;

namespace {

constexpr const char* kUsage =
    "usage: folio render INPUT.yaml... [-o OUTPUT.pdf | -o DIR/] [options]\n"
    "       folio check INPUT.yaml...\n"
    "       folio fonts [--layout NAME|PATH] [--font-path DIR] [--rebuild]\n"
    "       folio --help | --version\n"
    "\n"
    "Typesets YAML content with a YAML layout into print-ready PDF.\n"
    "\n"
    "options:\n"
    "  -o, --output PATH     output file (one input) or directory ending in / (many);\n"
    "                        default: the input's name with .pdf beside it\n"
    "  --layout NAME|PATH    use this layout instead of the content's 'layout'\n"
    "  -j, --jobs N          threads: N documents in parallel, or spare threads compress\n"
    "                        one document's pages (default: number of cores; the\n"
    "                        output is the same for any N)\n"
    "  --font-path DIR       search DIR for fonts before fonts/ beside the content or\n"
    "                        layout, Folio's own fonts/ and the system's (repeatable)\n"
    "  --rebuild             (folio fonts) rebuild the font cache in $XDG_CACHE_HOME/folio\n"
    "  --standard NAME       pdf/x-4 (print: CMYK output intent, TrimBox) or pdf/a-2b\n"
    "                        (archive: sRGB output intent, XMP identification), and/or\n"
    "                        pdf/ua-1 (accessible: tagged, checked), e.g. pdf/a-2b,pdf/ua-1;\n"
    "                        overrides the layout's 'standard'; 'none' for plain PDF 1.7\n"
    "  --no-tags             leave out the structure tree (tags are written by default)\n"
    "  --format pdf|frames   what to write: the PDF (default), or the laid-out pages as\n"
    "                        text, one line per item with its structure element\n"
    "  --strict              treat warnings (such as missing glyphs) as errors\n"
    "  -q, --quiet           print only errors and a final summary\n"
    "  --allow-path DIR      also read images and layouts from DIR (by default only the\n"
    "                        content file's directory tree and the layout directories)\n"
    "  --max-pages N         refuse documents longer than N pages (default 100000)\n"
    "  --max-input-size N    refuse content, layout and data files over N bytes\n"
    "                        (K and M suffixes allowed; default 16M)\n"
    "  --max-nesting N       refuse YAML nested deeper than N levels (1-400, default 64)\n"
    "  --max-nodes N         refuse YAML of more than N nodes, aliases expanded (default 1000000)\n"
    "  --max-image-pixels N  refuse images of more than N pixels (default 100000000)\n"
    "  --depfile FILE        write a make rule listing every file the output depends on\n"
    "  -M                    write OUTPUT.d beside each output (for batches)\n"
    "  --data FILE           mail merge: one PDF per record of FILE (CSV with a header row,\n"
    "                        or a YAML list of mappings); values are {fields.NAME}; name\n"
    "                        the outputs with a pattern: -o 'out/letter-{fields.id}.pdf'\n"
    "  --markup-fields A,B   mail merge: these fields hold CommonMark markup; all others\n"
    "                        are inserted as literal text\n"
    "  --combine FILE        also write every document of the batch into one PDF, each\n"
    "                        starting on a right-hand page, with a bookmark each\n"
    "  --shard K/N           render only the K-th of N deterministic shares of the jobs\n"
    "\n"
    "exit status: 0 success, 1 a document has errors, 2 bad usage\n";

const std::vector<std::string> kOptionNames = {
    "--output", "--layout", "--jobs", "--standard", "--strict", "--quiet", "--allow-path", "--max-pages",
    "--max-input-size", "--max-nesting", "--max-nodes", "--max-image-pixels", "--depfile", "--data", "--shard",
    "--combine", "--markup-fields", "--no-tags", "--format", "--help", "--version"};

struct Args {
  std::string command;
  BatchOptions batch;
  RenderSettings settings;
  bool rebuildFonts = false;  // folio fonts --rebuild
};

int usageError(const std::string& message) {
  std::cerr << "folio: " << message << "\n" << "Try 'folio --help'.\n";
  return 2;
}

bool parseNumber(const std::string& s, unsigned long& out) {
  if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos || s.size() > 9) return false;
  out = std::stoul(s);
  return true;
}

// Returns -1 when parsing succeeded, else the exit code.
int parseArgs(int argc, char** argv, Args& a) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return usageError("no command given; expected render, check or fonts");
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& s = args[i];
    auto value = [&](std::string& out) {
      if (i + 1 >= args.size()) return false;
      out = args[++i];
      return true;
    };
    if (s == "--help" || s == "-h") {
      std::cout << kUsage;
      return 0;
    } else if (s == "--version") {
      std::cout << "folio " << FOLIO_VERSION << "\n";
      return 0;
    } else if (s == "-o" || s == "--output") {
      if (!value(a.batch.output)) return usageError("option " + s + " needs a path");
    } else if (s == "--layout") {
      if (!value(a.settings.layoutOverride)) return usageError("option --layout needs a name or path");
    } else if (s == "-j" || s == "--jobs") {
      std::string v;
      unsigned long n;
      if (!value(v) || !parseNumber(v, n) || n == 0 || n > 256) return usageError("option -j needs a number from 1 to 256");
      a.batch.jobs = static_cast<unsigned>(n);
    } else if (s == "--max-pages") {
      std::string v;
      unsigned long n;
      if (!value(v) || !parseNumber(v, n) || n == 0) return usageError("option --max-pages needs a positive number");
      a.settings.maxPages = n;
    } else if (s == "--allow-path") {
      std::string v;
      if (!value(v) || !fs::is_directory(v)) return usageError("option --allow-path needs an existing directory");
      a.settings.allowedDirs.push_back(v);
    } else if (s == "--max-input-size") {
      std::string v;
      unsigned long n = 0, scale = 1;
      if (value(v) && !v.empty() && (v.back() == 'K' || v.back() == 'k')) scale = 1ul << 10, v.pop_back();
      else if (!v.empty() && (v.back() == 'M' || v.back() == 'm')) scale = 1ul << 20, v.pop_back();
      if (v.empty() || !parseNumber(v, n) || n == 0 || n > (1ul << 40) / scale)
        return usageError("option --max-input-size needs a positive number of bytes, e.g. 100000, 64K or 16M");
      a.settings.yamlLimits.maxInputBytes = n * scale;
    } else if (s == "--max-nesting") {
      std::string v;
      unsigned long n;
      // The tree walks (alias expansion, content) recurse once per level.
      if (!value(v) || !parseNumber(v, n) || n == 0 || n > 400) return usageError("option --max-nesting needs a number from 1 to 400");
      a.settings.yamlLimits.maxDepth = static_cast<int>(n);
    } else if (s == "--max-nodes") {
      std::string v;
      unsigned long n;
      if (!value(v) || !parseNumber(v, n) || n == 0) return usageError("option --max-nodes needs a positive number");
      a.settings.yamlLimits.maxNodes = n;
    } else if (s == "--max-image-pixels") {
      std::string v;
      unsigned long n;
      if (!value(v) || !parseNumber(v, n) || n == 0) return usageError("option --max-image-pixels needs a positive number");
      a.settings.imageLimits.maxPixels = n;
    } else if (s == "--depfile") {
      if (!value(a.batch.depfile)) return usageError("option --depfile needs a path");
    } else if (s == "-M") {
      a.batch.depfileBeside = true;
    } else if (s == "--combine") {
      if (!value(a.batch.combine)) return usageError("option --combine needs a PDF file");
    } else if (s == "--markup-fields") {
      std::string v;
      if (!value(v)) return usageError("option --markup-fields needs field names, e.g. --markup-fields bio,note");
      for (size_t start = 0; start <= v.size();) {
        size_t comma = v.find(',', start);
        std::string name = v.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!name.empty()) a.settings.markupFields.insert(name);
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
    } else if (s == "--data") {
      if (!value(a.batch.dataFile)) return usageError("option --data needs a CSV or YAML file");
    } else if (s == "--shard") {
      std::string v;
      unsigned long k = 0, n = 0;
      size_t slash;
      if (!value(v) || (slash = v.find('/')) == std::string::npos || !parseNumber(v.substr(0, slash), k) ||
          !parseNumber(v.substr(slash + 1), n) || n == 0 || k == 0 || k > n)
        return usageError("option --shard needs K/N with 1 <= K <= N, e.g. --shard 2/8");
      a.batch.shard = k;
      a.batch.shards = n;
    } else if (s == "--standard") {
      std::string v;
      if (!value(v)) return usageError("option --standard needs pdf/x-4, pdf/a-2b, pdf/ua-1 or none");
      std::string bad;
      a.settings.standard = parsePdfStandards(v, &bad);
      if (!a.settings.standard) {
        if (bad == v && v.find_first_of(",+") != std::string::npos)
          return usageError("standards '" + v + "' cannot be combined; expected at most one of pdf/x-4 and "
                            "pdf/a-2b, with or without pdf/ua-1");
        std::string close = closestMatch(bad, {"pdf/x-4", "pdf/a-2b", "pdf/ua-1", "none"});
        return usageError("unknown standard '" + bad + "'; " +
                          (close.empty() ? std::string("expected pdf/x-4, pdf/a-2b, pdf/ua-1 or none")
                                         : "did you mean '" + close + "'?"));
      }
    } else if (s == "--font-path") {
      std::string v;
      if (!value(v) || !fs::is_directory(v))
        return usageError("option --font-path needs an existing directory");
      a.settings.fontPathDirs.push_back(v);
    } else if (s == "--rebuild") {
      a.rebuildFonts = true;
    } else if (s == "--no-tags") {
      a.settings.tags = false;
    } else if (s == "--format") {
      std::string v;
      if (!value(v) || (v != "pdf" && v != "frames")) return usageError("option --format needs pdf or frames");
      a.settings.format = v == "frames" ? render::Format::Frames : render::Format::Pdf;
    } else if (s == "--strict") {
      a.batch.strict = true;
    } else if (s == "-q" || s == "--quiet") {
      a.batch.quiet = true;
    } else if (!s.empty() && s[0] == '-' && s != "-") {
      std::string name = s.substr(0, s.find('='));
      std::string close = closestMatch(name, kOptionNames);
      return usageError("unknown option '" + s + "'" + (close.empty() ? "" : "; did you mean '" + close + "'?"));
    } else if (a.command.empty()) {
      a.command = s;
    } else {
      a.batch.inputs.push_back(s);
    }
  }
  if (a.command != "render" && a.command != "check" && a.command != "fonts") {
    std::string close = closestMatch(a.command, {"render", "check", "fonts"});
    return usageError("unknown command '" + a.command + "'" + (close.empty() ? "" : "; did you mean '" + close + "'?"));
  }
  if (a.command != "fonts" && a.batch.inputs.empty()) return usageError(a.command + " needs at least one input file");
  const BatchOptions& b = a.batch;
  bool pattern = b.output.find("{fields.") != std::string::npos;
  if (pattern && b.dataFile.empty()) return usageError("an output pattern with {fields.NAME} needs --data");
  if (b.inputs.size() > 1 && !b.output.empty() && !pattern && b.output.back() != '/' && !fs::is_directory(b.output))
    return usageError("several inputs need -o DIR/ (a directory), not a file");
  if (!b.dataFile.empty() && !b.output.empty() && !pattern && b.output.back() != '/' && !fs::is_directory(b.output))
    return usageError("--data renders one PDF per record; -o needs a directory or a pattern such as 'out/letter-{fields.id}.pdf'");
  if (!b.combine.empty() && a.command != "render") return usageError("--combine is for folio render");
  if (!b.depfile.empty() && (b.inputs.size() > 1 || !b.dataFile.empty()))
    return usageError("--depfile takes one input; use -M to write OUTPUT.d beside each output");
  a.batch.check = a.command == "check";
  return -1;
}

// For each font list (the layout's, or the default body font) and script:
// the file a run would use and where it was found.
int listFonts(Args& a) {
  Renderer renderer(a.settings);
  struct Script {
    const char* name;
    const char* code;
    char32_t sample;
  };
  static const Script kScripts[] = {
      {"Latin", "Latn", U'a'},          {"Cyrillic", "Cyrl", U'\u0434'},  {"Greek", "Grek", U'\u03b1'},
      {"Armenian", "Armn", U'\u0561'},  {"Georgian", "Geor", U'\u10d0'},  {"Arabic", "Arab", U'\u0628'},
      {"Hebrew", "Hebr", U'\u05d0'},    {"Devanagari", "Deva", U'\u0915'}, {"Bengali", "Beng", U'\u0995'},
      {"Thai", "Thai", U'\u0e01'},      {"Han", "Hani", U'\u4e2d'},       {"Hiragana", "Hira", U'\u3042'},
      {"Hangul", "Hang", U'\uac00'}};
  std::vector<std::vector<std::string>> lists;
  std::string title = "default body font";
  if (!a.settings.layoutOverride.empty()) {
    Diagnostics diags;
    std::shared_ptr<const style::Layout> layout = renderer.loadLayout(a.settings.layoutOverride, diags);
    for (const Diagnostic& d : diags.all()) std::cerr << d.format() << "\n";
    if (!layout) return 1;
    title = "layout " + layout->path;
    for (const style::FontList& list : layout->fontLists) {
      std::vector<std::string> families;
      for (const auto& f : list.families) families.push_back(f.first);
      if (std::find(lists.begin(), lists.end(), families) == lists.end()) lists.push_back(families);
    }
  }
  if (a.rebuildFonts) std::printf("font cache rebuilt: %s\n", renderer.fonts().rebuildCache().c_str());
  if (lists.empty()) lists.push_back({"Noto Serif"});
  std::printf("# %s\n", title.c_str());
  for (const std::vector<std::string>& families : lists) {
    std::string names;
    for (const std::string& f : families) names += (names.empty() ? "" : ", ") + f;
    std::printf("\nfont: %s\n", names.c_str());
    text::FontRequest body;
    body.families = families;
    for (const Script& s : kScripts) {
      uint32_t tag = (uint32_t(s.code[0]) << 24) | (uint32_t(s.code[1]) << 16) | (uint32_t(s.code[2]) << 8) |
                     uint32_t(s.code[3]);
      const text::Font* f = renderer.fonts().fallback(s.sample, tag, body);
      if (!f) {
        std::printf("  %-11s %s  (no font)\n", s.name, s.code);
        continue;
      }
      std::printf("  %-11s %s  %s  %s  [%s]\n", s.name, s.code, f->familyName().c_str(), f->path().c_str(),
                  renderer.fonts().origin(f).c_str());
    }
  }
  return 0;
}

}  // namespace

int run(int argc, char** argv) {
  Args a;
  a.settings.layoutDirs = {std::string(FOLIO_DATA_DIR) + "/layouts"};
  a.settings.fontDirs = {std::string(FOLIO_DATA_DIR) + "/fonts"};  // the fonts that travel with Folio
  int rc = parseArgs(argc, argv, a);
  if (rc >= 0) return rc;
  if (a.command == "fonts") return listFonts(a);
  return runBatch(a.batch, a.settings);
}

}  // namespace folio::cli
