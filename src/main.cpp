// The folio command: everything lives in the cli module.
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "cli/Cli.h"

#if defined(__SANITIZE_ADDRESS__)
#define FOLIO_EXIT_NORMALLY 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FOLIO_EXIT_NORMALLY 1
#endif
#endif

int main(int argc, char** argv) {
  const int code = folio::cli::run(argc, argv);
#ifdef FOLIO_EXIT_NORMALLY
  return code;  // the leak checker runs at exit
#else
  // Every file the command writes is complete and closed when run()
  // returns. exit() would then call each of the 30 loaded libraries'
  // finalizers and the static destructors, to free memory the process is
  // about to give back whole: a page fault per library, about 20 on every
  // run (docs/performance.md, "Issue 15, third round: start-up"). The
  // standard streams are flushed here instead.
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  _exit(code);
#endif
}
