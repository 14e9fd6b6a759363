#include "yaml/EventReader.h"

#include <yaml.h>

#include <cstring>
#include <new>
#include <utility>
#include <vector>

#include "yaml/SyntaxErrors.h"
#include "yaml/TreeBuilder.h"

namespace folio::yaml {

namespace {

// libyaml's marks count characters (code points); Folio's positions start
// from byte offsets (LineIndex turns them into line and column). Marks
// arrive almost in order, so one cursor walking forward (and back for the
// rare earlier mark of an error's context) makes the whole parse linear.
class ByteOffsets {
 public:
  explicit ByteOffsets(std::string_view text) : m_text(text) {}

  size_t operator()(size_t characters) {
    while (m_characters < characters && m_byte < m_text.size()) {
      ++m_byte;
      while (m_byte < m_text.size() && isContinuation(m_text[m_byte])) ++m_byte;
      ++m_characters;
    }
    while (m_characters > characters && m_byte > 0) {
      --m_byte;
      while (m_byte > 0 && isContinuation(m_text[m_byte])) --m_byte;
      --m_characters;
    }
    return m_byte;
  }

 private:
  static bool isContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

  std::string_view m_text;
  size_t m_characters = 0;
  size_t m_byte = 0;
};

// U+2028 and U+2029 break lines for libyaml (YAML 1.1) but are ordinary
// characters in YAML 1.2, for yaml-cpp before and for a writer's editor:
// "x\u2028y" is one value on one line. Where the text has them, libyaml
// reads a copy with each replaced by a private-use character of the same
// length that the text does not contain, and values get them back. Offsets
// and character counts are unchanged.
class SeparatorSwap {
 public:
  explicit SeparatorSwap(std::string_view text) {
    static constexpr std::string_view kSeparators[2] = {"\xE2\x80\xA8", "\xE2\x80\xA9"};
    char32_t candidate = 0xE000;
    for (int i = 0; i < 2; ++i) {
      if (text.find(kSeparators[i]) == std::string_view::npos) continue;
      if (m_copy.empty()) m_copy.assign(text);
      std::string stand_in;
      do {
        stand_in = threeByteUtf8(candidate++);
      } while (text.find(stand_in) != std::string_view::npos && candidate <= 0xF8FF);
      m_pairs.push_back({std::string(kSeparators[i]), stand_in});
      for (size_t at = m_copy.find(kSeparators[i]); at != std::string::npos;
           at = m_copy.find(kSeparators[i], at))
        m_copy.replace(at, 3, stand_in);
    }
  }

  // What libyaml reads.
  std::string_view input(std::string_view text) const { return m_copy.empty() ? text : m_copy; }

  // A value as written, with the separators back.
  std::string restore(const char* value, size_t length) const {
    std::string out(value, length);
    for (const auto& [separator, standIn] : m_pairs) {
      for (size_t at = out.find(standIn); at != std::string::npos; at = out.find(standIn, at + 3))
        out.replace(at, 3, separator);
    }
    return out;
  }

 private:
  static std::string threeByteUtf8(char32_t cp) {
    return {static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
            static_cast<char>(0x80 | (cp & 0x3F))};
  }

  std::string m_copy;
  std::vector<std::pair<std::string, std::string>> m_pairs;  // separator, stand-in
};

// Owns libyaml's parser and current event, so a LimitExceeded thrown from
// the builder frees them.
class Parser {
 public:
  explicit Parser(std::string_view input) {
    if (!yaml_parser_initialize(&m_parser)) throw std::bad_alloc();
    yaml_parser_set_input_string(&m_parser, reinterpret_cast<const unsigned char*>(input.data()),
                                 input.size());
    yaml_parser_set_encoding(&m_parser, YAML_UTF8_ENCODING);
  }
  ~Parser() {
    if (m_hasEvent) yaml_event_delete(&m_event);
    yaml_parser_delete(&m_parser);
  }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  // The next event, or nullptr on a syntax error.
  const yaml_event_t* next() {
    if (m_hasEvent) yaml_event_delete(&m_event);
    m_hasEvent = yaml_parser_parse(&m_parser, &m_event) != 0;
    if (!m_hasEvent && m_parser.error == YAML_MEMORY_ERROR) throw std::bad_alloc();
    return m_hasEvent ? &m_event : nullptr;
  }
  const yaml_parser_t& state() const { return m_parser; }

 private:
  yaml_parser_t m_parser{};
  yaml_event_t m_event{};
  bool m_hasEvent = false;
};

std::string_view view(const yaml_char_t* s) {
  return s ? reinterpret_cast<const char*>(s) : std::string_view();
}

bool isNullWord(std::string_view value) {
  return value.empty() || value == "~" || value == "null" || value == "Null" || value == "NULL";
}

void handleScalar(const yaml_event_t& event, size_t offset, const SeparatorSwap& swap, TreeBuilder& builder) {
  const auto& s = event.data.scalar;
  const std::string_view value(reinterpret_cast<const char*>(s.value), s.length);
  const bool plain = s.style == YAML_PLAIN_SCALAR_STYLE;
  std::string_view anchor = view(s.anchor);
  if (plain && !s.tag && isNullWord(value)) {
    builder.null(offset, anchor);
    return;
  }
  // Without a tag, quoted and block scalars are strings; an explicit !!str
  // (or the non-specific "!") says the same.
  std::string_view tag = view(s.tag);
  bool quoted = s.tag ? (tag == "!" || tag == "tag:yaml.org,2002:str") : !plain;
  builder.scalar(offset, anchor, swap.restore(value.data(), value.size()), quoted);
}

}  // namespace

std::optional<Diagnostic> readEvents(std::string_view text, const LineIndex& index, const std::string& file,
                                     TreeBuilder& builder) {
  const SeparatorSwap swap(text);
  Parser parser(swap.input(text));
  ByteOffsets bytes(text);
  for (;;) {
    const yaml_event_t* event = parser.next();
    if (!event) {
      const yaml_parser_t& p = parser.state();
      SyntaxProblem problem;
      problem.problem = p.problem ? p.problem : "";
      problem.context = p.context ? p.context : "";
      if (p.error == YAML_READER_ERROR) {
        problem.value = p.problem_value;
        problem.offset = p.problem_offset;  // the reader counts bytes
      } else {
        problem.offset = bytes(p.problem_mark.index);
        problem.contextOffset = bytes(p.context_mark.index);
      }
      return describeSyntaxProblem(problem, text, index, file);
    }
    const size_t offset = bytes(event->start_mark.index);
    switch (event->type) {
      case YAML_DOCUMENT_START_EVENT:
        builder.documentStart(offset);
        break;
      case YAML_SCALAR_EVENT:
        handleScalar(*event, offset, swap, builder);
        break;
      case YAML_ALIAS_EVENT:
        builder.alias(offset, view(event->data.alias.anchor));
        break;
      case YAML_SEQUENCE_START_EVENT:
        builder.sequenceStart(offset, view(event->data.sequence_start.anchor));
        break;
      case YAML_MAPPING_START_EVENT:
        builder.mappingStart(offset, view(event->data.mapping_start.anchor));
        break;
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT:
        builder.collectionEnd();
        break;
      case YAML_STREAM_END_EVENT:
        return std::nullopt;
      default:  // stream start, document end
        break;
    }
  }
}

}  // namespace folio::yaml
