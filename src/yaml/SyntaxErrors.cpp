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

bool isMapValueMessage(const std::string& message) { return message.starts_with("illegal map value"); }

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
  // "illegal map value" on a line indented deeper than the key above it
  // (itself holding a value) is an indentation slip, not a quoting problem.
  if (isMapValueMessage(yamlCppMessage) && pos.line > 1) {
    size_t indent = line.find_first_not_of(' ');
    for (int above = pos.line - 1; above >= 1 && indent != std::string_view::npos; --above) {
      std::string_view prev = lineAt(text, above);
      size_t prevIndent = prev.find_first_not_of(' ');
      if (prevIndent == std::string_view::npos || prev[prevIndent] == '#') continue;
      std::string_view rest = prev.substr(prevIndent);
      size_t colon = rest.find(": ");
      bool keyWithValue = colon != std::string_view::npos && rest.find_first_not_of(' ', colon + 1) != std::string_view::npos;
      if (indent > prevIndent && keyWithValue && line.find(": ") != std::string_view::npos)
        hint = "this line is indented " + std::to_string(indent - prevIndent) + " space" +
               (indent - prevIndent == 1 ? "" : "s") + " deeper than line " + std::to_string(above) +
               " above it; expected the same indentation as its key '" + std::string(rest.substr(0, colon)) + "'";
      break;
    }
  }
  std::string out = "YAML syntax error: " + what + "; check indentation and quoting";
  if (!hint.empty()) out += " (" + hint + ")";
  return out;
}

}  // namespace folio::yaml
