#include "yaml/SyntaxErrors.h"

namespace folio::yaml {

namespace {

std::string_view lineAt(std::string_view text, int line) {
  size_t start = 0;
  for (int l = 1; l < line && start < text.size(); ++l) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
  }
  size_t end = text.find('\n', start);
  return text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

// The most likely cause of each message, in the words of a content writer.
std::string hintFor(const std::string& message) {
  if (message.starts_with("illegal map value")) return "a value containing ': ' must be in quotes";
  if (message.starts_with("end of map flow") || message.starts_with("end of sequence flow")) {
    return "a value starting with '[' or '{' must be in quotes";
  }
  if (message.starts_with("unknown escape character")) {
    return "inside double quotes write '\\\\' for a backslash, or use single quotes";
  }
  if (message.starts_with("illegal block entry")) return "a '- ' item is not aligned with the items above it";
  if (message.starts_with("end of map not found") || message.starts_with("end of sequence not found"))
    return "this line's indentation matches no level above it";
  if (message.starts_with("the referenced anchor is not defined"))
    return "define '&name' before using '*name'";
  if (message.starts_with("unknown token") || message.starts_with("illegal character")) {
    return "a value starting with '@', '`', '%', '!', '&' or '*' must be in quotes";
  }
  return "";
}

}  // namespace

std::string describeSyntaxError(const std::string& yamlCppMessage, std::string_view text,
                                const SourcePos& pos) {
  std::string what = yamlCppMessage;
  if (what == "bad file") what = "nesting too deep";  // yaml-cpp's recursion guard
  std::string hint = hintFor(yamlCppMessage);
  std::string_view line = lineAt(text, pos.line);
  if (pos.line > 0 && line.find_first_not_of(' ') != std::string_view::npos &&
      line[line.find_first_not_of(' ')] == '\t') {
    hint = "tabs cannot indent YAML; use spaces";
  }
  std::string out = "YAML syntax error: " + what + "; check indentation and quoting";
  if (!hint.empty()) out += " (" + hint + ")";
  return out;
}

}  // namespace folio::yaml
