#include "yaml/SyntaxErrors.h"

#include <cstdio>
#include <utility>

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

// The code point starting at text[at], as written (for messages).
std::string_view characterAt(std::string_view text, size_t at) {
  if (at >= text.size()) return {};
  size_t end = at + 1;
  while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
  return text.substr(at, end - at);
}

// libyaml's problem in the words Folio used before it read YAML with
// libyaml (tests and writers know them); others keep libyaml's words.
std::string whatFor(const SyntaxProblem& p, std::string_view text) {
  static constexpr std::pair<std::string_view, std::string_view> kSame[] = {
      {"mapping values are not allowed in this context", "illegal map value"},
      {"block sequence entries are not allowed in this context", "illegal block entry"},
      {"mapping keys are not allowed in this context", "illegal map key"},
      {"did not find expected key", "end of map not found"},
      {"did not find expected '-' indicator", "end of sequence not found"},
      {"did not find expected ',' or ']'", "end of sequence flow not found"},
      {"did not find expected ',' or '}'", "end of map flow not found"},
  };
  for (const auto& [problem, what] : kSame) {
    if (p.problem == problem) return std::string(what);
  }
  if (p.problem == "found unknown escape character")
    return "unknown escape character '" + std::string(characterAt(text, p.offset)) +
           std::string(characterAt(text, p.offset + 1)) + "'";
  if (p.problem == "found character that cannot start any token") {
    std::string_view c = characterAt(text, p.offset);
    if (c == "\t") return "a tab where YAML expects spaces";
    return "'" + std::string(c) + "' cannot start a value";
  }
  if (p.problem == "could not find expected ':'") return "a line without ':' where a key was expected";
  if (p.problem == "did not find expected alphabetic or numeric character" &&
      p.context.find("an anchor") != std::string::npos)
    return "an anchor name may only hold letters, digits, '-' and '_'";
  if (p.problem == "did not find expected alphabetic or numeric character" &&
      p.context.find("an alias") != std::string::npos)
    return "an alias name may only hold letters, digits, '-' and '_'";
  if (p.problem.starts_with("found a tab character")) return "a tab where YAML expects spaces";
  if (p.problem == "found unexpected ':'") return "':' inside a value in [ ] or { }";
  if (p.problem == "did not find expected <document start>") {
    // After '%' directives YAML wants '---'; after '...' nothing more.
    bool directive = text.starts_with("%") || text.substr(0, p.offset).find("\n%") != std::string_view::npos;
    return directive ? "'---' missing after the '%' directive line"
                     : "text after the end of the document ('...')";
  }
  std::string what = p.problem;
  if (p.value >= 0) {  // reader errors only
    char code[16];
    std::snprintf(code, sizeof code, " (U+%04X)", static_cast<unsigned>(p.value));
    what += code;
  }
  if (!p.context.empty()) what += " " + p.context;
  return what;
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
  if (message.starts_with("a tab where")) return "tabs cannot indent YAML or follow '- '; use spaces";
  if (message.starts_with("':' inside a value"))
    return "a value containing ':' inside [ ] or { } must be in quotes";
  if (message.starts_with("'---' missing"))
    return "write '---' on the line after it, or remove the directive";
  if (message.starts_with("a line without ':'"))
    return "write 'key: value', or indent a value's next line deeper than its key";
  if (message.find("cannot start a value") != std::string::npos) {
    return "a value starting with '@', '`', '%', '!', '&' or '*' must be in quotes";
  }
  return "";
}

}  // namespace

std::string describeSyntaxError(const std::string& what, std::string_view text, const SourcePos& pos) {
  std::string hint = hintFor(what);
  std::string_view line = lineAt(text, pos.line);
  if (pos.line > 0 && line.find_first_not_of(' ') != std::string_view::npos &&
      line[line.find_first_not_of(' ')] == '\t') {
    hint = "tabs cannot indent YAML; use spaces";
  }
  // "illegal map value" on a line indented deeper than the key above it
  // (itself holding a value) is an indentation slip, not a quoting problem.
  if (isMapValueMessage(what) && pos.line > 1) {
    size_t indent = line.find_first_not_of(' ');
    for (int above = pos.line - 1; above >= 1 && indent != std::string_view::npos; --above) {
      std::string_view prev = lineAt(text, above);
      size_t prevIndent = prev.find_first_not_of(' ');
      if (prevIndent == std::string_view::npos || prev[prevIndent] == '#') continue;
      std::string_view rest = prev.substr(prevIndent);
      size_t colon = rest.find(": ");
      bool keyWithValue =
          colon != std::string_view::npos && rest.find_first_not_of(' ', colon + 1) != std::string_view::npos;
      if (indent > prevIndent && keyWithValue && line.find(": ") != std::string_view::npos)
        hint = "this line is indented " + std::to_string(indent - prevIndent) + " space" +
               (indent - prevIndent == 1 ? "" : "s") + " deeper than line " + std::to_string(above) +
               " above it; expected the same indentation as its key '" + std::string(rest.substr(0, colon)) +
               "'";
      break;
    }
  }
  std::string out = "YAML syntax error: " + what + "; check indentation and quoting";
  if (!hint.empty()) out += " (" + hint + ")";
  return out;
}

Diagnostic describeSyntaxProblem(const SyntaxProblem& problem, std::string_view text, const LineIndex& index,
                                 const std::string& file) {
  // A quoted scalar that reaches the end of the file (or a '---' line) was
  // never closed: point at its opening quote, where the slip is.
  if (problem.context == "while scanning a quoted scalar" && problem.contextOffset &&
      *problem.contextOffset < text.size() &&
      (problem.problem == "found unexpected end of stream" ||
       problem.problem == "found unexpected document indicator")) {
    const std::string q(1, text[*problem.contextOffset]);
    return Diagnostic{Severity::Error, index.position(*problem.contextOffset, file),
                      "YAML syntax error: the string opened by " + q +
                          " here is never closed; expected a closing " + q +
                          (q == "\"" ? " (write \\\" for a quote inside the string)"
                                     : " (write '' for a quote inside the string)")};
  }
  // A line that is neither 'key: value' nor a continuation: the line
  // itself, not the next one where libyaml gave up.
  size_t at = problem.offset;
  if (problem.problem == "could not find expected ':'" && problem.contextOffset) at = *problem.contextOffset;
  SourcePos pos = index.position(at, file);
  return Diagnostic{Severity::Error, pos, describeSyntaxError(whatFor(problem, text), text, pos)};
}

}  // namespace folio::yaml
