#pragma once
// The logical structure of a document, carried with the frames so that a
// writer can tag what it paints (a tagged PDF's structure tree) without
// guessing: every page item names the element it belongs to, or kArtifact
// for page furniture (running heads, folios, rules, repeated table headers).
#include <cstdint>
#include <string>
#include <vector>

namespace folio::frame {

enum class Role : uint8_t {
  Document, Section, H, P, L, LI, Lbl, LBody, Table, THead, TBody, TFoot, TR, TH, TD,
  Link, Note, Reference, Figure, Caption, BlockQuote, Span
};
enum class Scope : uint8_t { None, Row, Column, Both };
enum class ListNumbering : uint8_t { None, Disc, Decimal };
constexpr uint32_t kArtifact = UINT32_MAX;  // an item that is page furniture, not content

struct StructElement {
  Role role = Role::P;
  uint32_t parent = 0;            // index into Document::structure; element 0 is the Document root
  int level = 0;                  // H: 1..6
  std::string lang;               // BCP 47, only when it differs from the parent's
  std::string alt;                // Figure (/Alt); Link (/Contents of its annotation)
  std::string id;                 // TH: its /ID, referenced by TD /Headers
  std::vector<uint32_t> headers;  // TD: indices of its TH elements
  Scope scope = Scope::None;      // TH
  int rowSpan = 1, colSpan = 1;
  ListNumbering numbering = ListNumbering::None;  // L
  std::string sourceId;           // optional: the block id / footnote id it came from
};

// The PDF standard structure type of a role ("P", "LBody", ...); H gives "H".
const char* roleName(Role role);

}  // namespace folio::frame
