// Fuzzes the YAML loader: any bytes must give a tree or diagnostics, never a
// crash, a hang or unbounded memory (budgets for depth, nodes and size).
#include <cstddef>
#include <cstdint>
#include <string>

#include "yaml/Node.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  folio::Diagnostics diags;
  folio::yaml::Limits limits;
  limits.maxNodes = 100000;
  std::string text(reinterpret_cast<const char*>(data), size);
  auto root = folio::yaml::parse(text, "fuzz.yaml", limits, diags);
  if (!root && !diags.hasErrors()) __builtin_trap();  // a refusal must say why
  return 0;
}
