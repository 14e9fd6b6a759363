#pragma once

namespace folio::cli {
// Parses the command line and runs it; returns the process exit code
// (0 ok, 1 a document the user must fix, 2 bad usage).
int run(int argc, char** argv);
}  // namespace folio::cli
