#include "cli/Batch.h"

#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <set>
#include <thread>

#include "cli/Combine.h"
#include "content/Placeholders.h"

namespace folio::cli {

namespace fs = std::filesystem;

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
  for (const std::string& d : deps) rule.append(" \\\n  ").append(escape(d));
  rule += "\n";
  for (const std::string& d : deps) rule.append("\n").append(escape(d)).append(":\n");
  return rule;
}

// Problems in file order (then line and column), warnings and errors
// together, and their count: a user fixes them top to bottom in one pass.
void printDiagnostics(const std::vector<Diagnostic>& all, bool quiet) {
  std::vector<const Diagnostic*> sorted;
  for (const Diagnostic& d : all)
    if (!quiet || d.severity == Severity::Error) sorted.push_back(&d);
  std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic* a, const Diagnostic* b) {
    if (a->pos.file != b->pos.file) return a->pos.file < b->pos.file;
    if (a->pos.line != b->pos.line) return a->pos.line < b->pos.line;
    return a->pos.column < b->pos.column;
  });
  size_t errors = 0, warnings = 0;
  for (const Diagnostic* d : sorted) {
    std::cerr << d->format() << "\n";
    (d->severity == Severity::Error ? errors : warnings)++;
  }
  if (errors + warnings == 0) return;
  std::cerr << "folio: " << errors << (errors == 1 ? " error, " : " errors, ") << warnings
            << (warnings == 1 ? " warning\n" : " warnings\n");
}

namespace {

bool isDirectoryTarget(const std::string& output) {
  std::error_code ec;
  return !output.empty() && (output.back() == '/' || fs::is_directory(output, ec));
}

std::string defaultOutput(const std::string& input, const std::string& output) {
  fs::path in(input);
  std::string name = in.stem().string() + ".pdf";
  if (output.empty()) return (in.parent_path() / name).string();
  if (isDirectoryTarget(output)) return (fs::path(output) / name).string();
  return output;
}

// A progress bar on a terminal: done/total, rate, time left.
class Progress {
public:
  Progress(size_t total, bool enabled) : m_total(total), m_enabled(enabled), m_start(Clock::now()) {
    if (m_enabled) m_thread = std::thread([this] { loop(); });
  }
  ~Progress() { stop(); }
  void tick() { ++m_done; }
  void stop() {
    if (!m_thread.joinable()) return;
    {
      std::lock_guard<std::mutex> lock(m_mutex);
      m_stopping = true;
    }
    m_cv.notify_all();
    m_thread.join();
    draw();
    std::fputc('\n', stderr);
  }

private:
  using Clock = std::chrono::steady_clock;
  void loop() {
    std::unique_lock<std::mutex> lock(m_mutex);
    while (!m_stopping) {
      m_cv.wait_for(lock, std::chrono::milliseconds(100));
      draw();
    }
  }
  void draw() {
    size_t done = m_done.load();
    double secs = std::chrono::duration<double>(Clock::now() - m_start).count();
    double rate = secs > 0 ? done / secs : 0;
    double left = rate > 0 ? (m_total - done) / rate : 0;
    const int width = 30;
    int filled = m_total ? static_cast<int>(width * done / m_total) : width;
    std::string bar(filled, '=');
    if (filled < width) bar += '>' + std::string(width - filled - 1, ' ');
    std::fprintf(stderr, "\r[%s] %zu/%zu  %.0f/s  %.0fs left ", bar.c_str(), done, m_total, rate, left);
    std::fflush(stderr);
  }

  size_t m_total;
  bool m_enabled;
  Clock::time_point m_start;
  std::atomic<size_t> m_done{0};
  std::thread m_thread;
  std::mutex m_mutex;
  std::condition_variable m_cv;
  bool m_stopping = false;
};

struct Batch {
  std::vector<Job> jobs;
  std::vector<std::unique_ptr<yaml::Node>> trees;  // content parsed once for a merge
  std::vector<Record> records;
  Diagnostics setupDiags;
  bool fatal = false;
};

void planMailMerge(const BatchOptions& o, const RenderSettings& s, Batch& b) {
  if (!loadRecords(o.dataFile, s.yamlLimits, b.records, b.setupDiags) && o.strict) {
    b.fatal = true;
    return;
  }
  std::set<std::string> patternFields;
  collectFieldNames(o.output, patternFields);
  std::set<std::string> outputs;
  // The columns (or keys) the records have: a placeholder naming none of
  // them, nor a field of the content, is one error at its place in the
  // content, for the whole batch (not one per record).
  std::set<std::string> columns;
  for (const Record& r : b.records)
    for (const auto& [name, value] : r.values) columns.insert(name);
  for (const std::string& input : o.inputs) {
    std::shared_ptr<const yaml::SourceText> source;
    std::unique_ptr<yaml::Node> tree = yaml::load(input, s.yamlLimits, b.setupDiags, &source);
    if (!tree) {
      b.fatal = true;
      continue;
    }
    std::set<std::string> known = columns;
    if (const yaml::Node* fields = tree->isMapping() ? tree->find("fields") : nullptr)
      for (const auto& [k, v] : fields->entries) known.insert(k.scalar);
    size_t before = b.setupDiags.errorCount();
    content::checkFieldPlaceholders(content::findPlaceholders(*tree, source), known, b.setupDiags);
    if (b.setupDiags.errorCount() > before) {
      b.fatal = true;
      continue;
    }
    // Each record needs what the content uses and does not give itself (a
    // YAML record may lack a key that others have).
    std::set<std::string> used;
    collectFieldNames(*tree, used);
    if (const yaml::Node* fields = tree->isMapping() ? tree->find("fields") : nullptr)
      for (const auto& [k, v] : fields->entries) used.erase(k.scalar);
    used.insert(patternFields.begin(), patternFields.end());
    for (const Record& r : b.records) {
      std::string missing;
      for (const std::string& name : used)
        if (!r.value(name)) missing += (missing.empty() ? "'" : ", '") + name + "'";
      std::string out;
      if (missing.empty()) {
        if (patternFields.empty())
          out = (fs::path(isDirectoryTarget(o.output) ? o.output : ".") /
                 (fs::path(input).stem().string() + "-" + std::to_string(r.number) + ".pdf")).string();
        else expandPattern(o.output, r, out);
      }
      if (!missing.empty()) {
        b.setupDiags.error(r.pos, "record " + std::to_string(r.number) + " has no value for " + missing +
                                      "; expected a column or key of that name (the record is skipped)");
        if (o.strict) b.fatal = true;
        continue;
      }
      if (!outputs.insert(out).second) {
        b.setupDiags.error(r.pos, "record " + std::to_string(r.number) + " would overwrite '" + out +
                                      "'; expected an output pattern that is distinct per record, such as "
                                      "-o 'out/letter-{fields.id}.pdf'");
        if (o.strict) b.fatal = true;
        continue;
      }
      b.jobs.push_back(Job{input, out, tree.get(), &r});
    }
    b.trees.push_back(std::move(tree));
  }
}

}  // namespace

int runBatch(const BatchOptions& o, const RenderSettings& settings) {
  Batch b;
  if (!o.dataFile.empty()) {
    planMailMerge(o, settings, b);
  } else {
    for (const std::string& input : o.inputs) b.jobs.push_back(Job{input, defaultOutput(input, o.output), nullptr, nullptr});
  }
  printDiagnostics(b.setupDiags.all(), o.quiet);
  if (b.fatal) {
    std::cerr << "folio: nothing rendered" << (o.strict ? " (--strict)" : "") << "\n";
    return 1;
  }
  // A deterministic share: every N-th job, so K/N for K = 1..N covers each once.
  if (o.shards > 1) {
    std::vector<Job> mine;
    for (size_t i = 0; i < b.jobs.size(); ++i)
      if (i % o.shards == o.shard - 1) mine.push_back(b.jobs[i]);
    b.jobs.swap(mine);
  }
  if (!o.check) {  // -o DIR/, -o DIR/FILE.pdf and patterns alike: the folder is made
    std::error_code ec;
    for (const Job& j : b.jobs) fs::create_directories(fs::path(j.output).parent_path().empty() ? "." : fs::path(j.output).parent_path(), ec);
  }

#ifdef M_TRIM_THRESHOLD
  // Documents after the first reuse the heap the first one grew. By default
  // glibc gives free memory above 128 KB at the top of the heap back to the
  // kernel after each document, and the next takes it back page by page, a
  // page fault on zeroed memory each: 61 faults a letter, a quarter of a mail
  // merge's CPU time (docs/performance.md, "Issue 15, start-up and letters").
  // The peak resident size stays as it was (the memory was resident before it
  // was freed). A single document keeps glibc's defaults.
  if (b.jobs.size() > 1) mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
  RenderSettings s = settings;
  s.writeOutput = !o.check;
  s.strict = o.strict;
  const unsigned requested = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  // Fewer documents than threads: the spare threads help each document.
  // A small lone document gets them too (main's interim rule "no helpers
  // under 4 KB without -j" is gone): the PDF writer starts its compressor
  // only at a second page stream, so a one-page document's only helper
  // is the one that subsets a second font beside the first. It costs about
  // 40 page faults and takes 2.3 M of 21.7 M instructions (one-word) and
  // 10.5 M of 48.2 M (a one-page letter) off the main thread
  // (docs/performance.md, "Issue 15, fourth round: writer").
  if (!b.jobs.empty() && requested > b.jobs.size())
    s.helperThreads = std::min(3u, requested / static_cast<unsigned>(b.jobs.size()) - 1);
  s.layoutHelpers = s.helperThreads;  // and lay out its paragraphs ahead (issue 15)
  s.keepFrames = !o.combine.empty() && !o.check;
  Renderer renderer(s);
  std::vector<RenderResult> results(b.jobs.size());
  std::atomic<size_t> next{0};
  Progress progress(b.jobs.size(), !o.quiet && b.jobs.size() > 1 && isatty(STDERR_FILENO));
  auto worker = [&] {
    text::Shaper shaper;  // per thread: its cache serves every document this thread renders
    for (size_t i; (i = next.fetch_add(1)) < b.jobs.size();) {
      results[i] = renderer.render(b.jobs[i], shaper);
      progress.tick();
    }
  };
  unsigned jobs = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(b.jobs.size())));
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(worker);
  worker();
  for (std::thread& t : threads) t.join();
  progress.stop();

  size_t failed = 0;
  for (size_t i = 0; i < results.size(); ++i) {
    const RenderResult& r = results[i];
    if (r.ok && !o.check && (!o.depfile.empty() || o.depfileBeside)) {
      std::string err;
      const std::string& out = b.jobs[i].output;
      std::vector<std::string> deps = r.dependencies;
      if (!o.dataFile.empty()) deps.insert(deps.begin() + 1, o.dataFile);
      if (!writeFileAtomically(o.depfile.empty() ? fs::path(out).replace_extension(".d").string() : o.depfile, makeRule(out, deps), err))
        std::cerr << "folio: " << err << "\n";
    }
    printDiagnostics(r.diags.all(), o.quiet);
    if (!r.ok) ++failed;
  }
  if (s.keepFrames && !failed) {
    std::vector<CombinePart> parts;
    for (size_t i = 0; i < results.size(); ++i)
      if (results[i].frames) {
        const std::string& title = results[i].frames->metadata.title;
        std::string label = fs::path(b.jobs[i].output).stem().string();
        parts.push_back(CombinePart{title.empty() ? label : label + ": " + title, results[i].frames.get()});
      }
    frame::Document combined = combineDocuments(parts);
    combined.metadata.title = fs::path(o.combine).stem().string();
    std::error_code ec;
    if (!fs::path(o.combine).parent_path().empty()) fs::create_directories(fs::path(o.combine).parent_path(), ec);
    Diagnostics diags;
    size_t pages = combined.pages.size();
    if (!renderer.writeFrames(std::move(combined), o.combine, settings.standard.value_or(PdfStandards{}),
                              fs::path(o.combine).filename().string(), diags)) {
      printDiagnostics(diags.all(), o.quiet);
      return 1;
    }
    if (!o.quiet) std::cerr << "folio: " << parts.size() << " documents combined into '" << o.combine << "' (" << pages << " pages)\n";
  }
  size_t skipped = b.setupDiags.errorCount();
  size_t total = b.jobs.size();
  if (o.check && total == 1 && !failed && !skipped && !o.quiet)
    std::cerr << "folio: " << b.jobs[0].input << ": ok (" << results[0].pages
              << (results[0].pages == 1 ? " page" : " pages") << ")\n";
  if (total > 1 || skipped || (o.quiet && failed))
    std::cerr << "folio: " << (total - failed) << " of " << total << " documents "
              << (o.check ? "checked without errors" : "rendered")
              << (failed ? ", " + std::to_string(failed) + " failed" : "")
              << (skipped ? ", " + std::to_string(skipped) + " records skipped" : "") << "\n";
  return failed || skipped ? 1 : 0;
}

}  // namespace folio::cli
