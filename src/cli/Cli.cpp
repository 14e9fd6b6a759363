// The folio command line: render, check, fonts.
#include "cli/Cli.h"

#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <thread>

#include "cli/Renderer.h"
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
    "       folio fonts\n"
    "       folio --help | --version\n"
    "\n"
    "Typesets YAML content with a YAML layout into print-ready PDF.\n"
    "\n"
    "options:\n"
    "  -o, --output PATH     output file (one input) or directory ending in / (many);\n"
    "                        default: the input's name with .pdf beside it\n"
    "  --layout NAME|PATH    use this layout instead of the content's 'layout'\n"
    "  -j, --jobs N          render N documents in parallel (default: number of cores)\n"
    "  --strict              treat warnings (such as missing glyphs) as errors\n"
    "  -q, --quiet           print only errors and a final summary\n"
    "  --max-pages N         refuse documents longer than N pages (default 100000)\n"
    "  --depfile FILE        write a make rule listing every file the output depends on\n"
    "  -M                    write OUTPUT.d beside each output (for batches)\n"
    "\n"
    "exit status: 0 success, 1 a document has errors, 2 bad usage\n";

struct Args {
  std::string command;
  std::vector<std::string> inputs;
  std::string output;
  RenderSettings settings;
  unsigned jobs = 0;
  bool quiet = false;
  std::string depfile;   // --depfile FILE (one input)
  bool depfileBeside = false;  // -M: OUTPUT.d beside each output
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
      if (!value(a.output)) return usageError("option " + s + " needs a path");
    } else if (s == "--layout") {
      if (!value(a.settings.layoutOverride)) return usageError("option --layout needs a name or path");
    } else if (s == "-j" || s == "--jobs") {
      std::string v;
      unsigned long n;
      if (!value(v) || !parseNumber(v, n) || n == 0 || n > 256) return usageError("option -j needs a number from 1 to 256");
      a.jobs = static_cast<unsigned>(n);
    } else if (s == "--max-pages") {
      std::string v;
      unsigned long n;
      if (!value(v) || !parseNumber(v, n) || n == 0) return usageError("option --max-pages needs a positive number");
      a.settings.maxPages = n;
    } else if (s == "--depfile") {
      if (!value(a.depfile)) return usageError("option --depfile needs a path");
    } else if (s == "-M") {
      a.depfileBeside = true;
    } else if (s == "--strict") {
      a.settings.strict = true;
    } else if (s == "-q" || s == "--quiet") {
      a.quiet = true;
    } else if (!s.empty() && s[0] == '-' && s != "-") {
      return usageError("unknown option '" + s + "'");
    } else if (a.command.empty()) {
      a.command = s;
    } else {
      a.inputs.push_back(s);
    }
  }
  if (a.command != "render" && a.command != "check" && a.command != "fonts") {
    std::string close = closestMatch(a.command, {"render", "check", "fonts"});
    return usageError("unknown command '" + a.command + "'" + (close.empty() ? "" : "; did you mean '" + close + "'?"));
  }
  if (a.command != "fonts" && a.inputs.empty()) return usageError(a.command + " needs at least one input file");
  return -1;
}

std::string outputFor(const Args& a, const std::string& input) {
  fs::path in(input);
  std::string name = in.stem().string() + ".pdf";
  if (a.output.empty()) return (in.parent_path() / name).string();
  std::error_code ec;
  bool isDir = a.output.back() == '/' || fs::is_directory(a.output, ec);
  if (isDir) return (fs::path(a.output) / name).string();
  return a.output;
}

// A make rule "out.pdf: deps..." plus an empty rule per dependency, so a
// deleted file does not break the build (as gcc -MP does).
std::string makeRule(const std::string& target, const std::vector<std::string>& deps) {
  auto escape = [](const std::string& s) {
    std::string o;
    for (char c : s) {
      if (c == ' ' || c == '#' || c == ':') o += '\\';
      if (c == '$') o += '$';
      o += c;
    }
    return o;
  };
  std::string rule = escape(target) + ":";
  for (const std::string& d : deps) rule += " \\\n  " + escape(d);
  rule += "\n";
  for (const std::string& d : deps) rule += "\n" + escape(d) + ":\n";
  return rule;
}

int renderAll(Args& a) {
  if (a.inputs.size() > 1 && !a.output.empty() && a.output.back() != '/' && !fs::is_directory(a.output))
    return usageError("several inputs need -o DIR/ (a directory), not a file");
  if (!a.output.empty() && a.output.back() == '/') {
    std::error_code ec;
    fs::create_directories(a.output, ec);
  }
  a.settings.writeOutput = a.command == "render";
  Renderer renderer(a.settings);
  std::vector<RenderResult> results(a.inputs.size());
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i; (i = next.fetch_add(1)) < a.inputs.size();)
      results[i] = renderer.render(a.inputs[i], outputFor(a, a.inputs[i]));
  };
  unsigned jobs = a.jobs ? a.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = std::min<unsigned>(jobs, static_cast<unsigned>(a.inputs.size()));
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(worker);
  worker();
  for (std::thread& t : threads) t.join();

  if (!a.depfile.empty() && a.inputs.size() > 1) return usageError("--depfile takes one input; use -M for batches");
  size_t failed = 0;
  for (size_t i = 0; i < results.size(); ++i) {
    const RenderResult& r = results[i];
    if (r.ok && a.command == "render" && (!a.depfile.empty() || a.depfileBeside)) {
      std::string out = outputFor(a, a.inputs[i]);
      std::string err;
      if (!writeFileAtomically(a.depfile.empty() ? out + ".d" : a.depfile, makeRule(out, r.dependencies), err))
        std::cerr << "folio: " << err << "\n";
    }
    for (const Diagnostic& d : r.diags.all())
      if (!a.quiet || d.severity == Severity::Error) std::cerr << d.format() << "\n";
    if (!r.ok) ++failed;
  }
  if (a.inputs.size() > 1 || a.quiet)
    std::cerr << "folio: " << (a.inputs.size() - failed) << " of " << a.inputs.size() << " documents "
              << (a.command == "check" ? "checked without errors" : "rendered") << (failed ? ", " + std::to_string(failed) + " failed" : "") << "\n";
  return failed ? 1 : 0;
}

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
  text::FontRequest body;
  body.families = {"Noto Serif"};
  for (const Script& s : kScripts) {
    uint32_t tag = (uint32_t(s.code[0]) << 24) | (uint32_t(s.code[1]) << 16) | (uint32_t(s.code[2]) << 8) | uint32_t(s.code[3]);
    const text::Font* f = renderer.fonts().fallback(s.sample, tag, body);
    std::printf("%-11s %s  %s\n", s.name, s.code, f ? (f->familyName() + "  (" + f->path() + ")").c_str() : "(no font)");
  }
  return 0;
}

}  // namespace

int run(int argc, char** argv) {
  Args a;
  a.settings.layoutDirs = {std::string(FOLIO_DATA_DIR) + "/layouts"};
  a.settings.fontDirs = {std::string(FOLIO_DATA_DIR) + "/fonts"};
  int rc = parseArgs(argc, argv, a);
  if (rc >= 0) return rc;
  if (a.command == "fonts") return listFonts(a);
  return renderAll(a);
}

}  // namespace folio::cli
