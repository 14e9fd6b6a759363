// Fuzzes the whole render: content YAML in, PDF out (written to a temporary
// file), with the built-in letterhead layout and the system's fonts.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <memory>
#include <string>

#include "cli/Renderer.h"

namespace {
// Destroyed at exit, before LeakSanitizer looks: fontconfig keeps its data
// behind encoded offsets that LSan cannot follow, so a config still alive at
// exit is reported as leaked.
folio::cli::Renderer& renderer() {
  static std::unique_ptr<folio::cli::Renderer> r = [] {
    folio::cli::RenderSettings s;
    s.layoutDirs = {std::string(FOLIO_SOURCE_DIR) + "/layouts"};
    s.fontDirs = {std::string(FOLIO_SOURCE_DIR) + "/fonts"};
    s.maxPages = 50;
    s.yamlLimits.maxInputBytes = 1 << 16;
    return std::make_unique<folio::cli::Renderer>(s);
  }();
  return *r;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The document's directory holds a few images (good and broken) that
  // `image:` blocks of the seeds name, so the image readers are reached too.
  static const std::string dir = [] {
    char tmpl[] = "/tmp/folio-fuzz-XXXXXX";
    std::string d = mkdtemp(tmpl);
    for (const char* name : {"good.png", "corrupt.png", "rgba.png", "palette.png", "jpeg.jpg", "truncated.jpg"}) {
      std::ifstream in(std::string(FOLIO_SOURCE_DIR) + "/tests/fuzz/corpus/image/" + name, std::ios::binary);
      std::ofstream(d + "/" + name, std::ios::binary) << in.rdbuf();
    }
    return d;
  }();
  std::string input = dir + "/doc.yaml", output = dir + "/doc.pdf";
  {
    std::ofstream f(input, std::ios::binary);
    f.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  static folio::text::Shaper shaper;
  folio::cli::Job job{input, output, nullptr, nullptr};
  folio::cli::RenderResult r = renderer().render(job, shaper);
  if (!r.ok && !r.diags.hasErrors()) __builtin_trap();  // a refusal must say why
  unlink(output.c_str());
  return 0;
}
