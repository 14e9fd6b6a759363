// The folio command: everything lives in the cli module.
#include "cli/Cli.h"

int main(int argc, char** argv) { return folio::cli::run(argc, argv); }
