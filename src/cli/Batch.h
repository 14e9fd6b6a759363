#pragma once
// A batch: the jobs a command line asks for (inputs x mail-merge records,
// narrowed to one shard), rendered by a pool of threads with a progress bar.
#include <string>
#include <vector>

#include "cli/Renderer.h"

namespace folio::cli {

struct BatchOptions {
  std::vector<std::string> inputs;
  std::string output;       // file, DIR/, or a pattern with {fields.NAME}
  std::string dataFile;     // --data
  size_t shard = 1, shards = 1;  // --shard K/N (1-based K)
  unsigned jobs = 0;        // 0: one per core
  bool quiet = false;
  bool strict = false;
  bool check = false;       // folio check: render, write nothing
  std::string depfile;      // --depfile (one output)
  bool depfileBeside = false;  // -M
  std::string combine;      // --combine FILE: every document into one PDF
};

// Runs the batch; returns the exit code (0 all rendered, 1 some failed).
int runBatch(const BatchOptions& options, const RenderSettings& settings);

// Prints diagnostics sorted by file, line and column, then their count
// (errors only under `quiet`).
void printDiagnostics(const std::vector<Diagnostic>& all, bool quiet);

// The make rule "TARGET: DEPS..." plus an empty rule per dependency.
std::string makeRule(const std::string& target, const std::vector<std::string>& deps);

}  // namespace folio::cli
