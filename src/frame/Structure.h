#pragma once
// The logical structure of a document, carried with the frames so that a
// writer can tag what it paints (a tagged PDF's structure tree) without
// guessing: every page item names the element it belongs to, or kArtifact
// for page furniture (running heads, folios, rules, repeated table headers).
#include <cstdint>
#include <memory>
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

// The fields few elements have: kept out of line so that the record every
// element pays for stays small (a 10,000-page document has some 240,000).
struct StructExtras {
  std::string lang;               // BCP 47, only when it differs from the parent's
  std::string alt;                // Figure (/Alt); Link (/Contents of its annotation)
  std::string id;                 // TH: its /ID, referenced by TD /Headers
  std::vector<uint32_t> headers;  // TD: indices of its TH elements
  std::string sourceId;           // optional: the block id / footnote id it came from
};

// A deep-copying owner of the extras (null while an element has none), so
// that StructElement keeps its implicit copy and move.
class StructExtrasBox {
 public:
  StructExtrasBox() = default;
  StructExtrasBox(const StructExtrasBox& o) : m_p(o.m_p ? std::make_unique<StructExtras>(*o.m_p) : nullptr) {}
  StructExtrasBox& operator=(const StructExtrasBox& o) {
    if (this != &o) m_p = o.m_p ? std::make_unique<StructExtras>(*o.m_p) : nullptr;
    return *this;
  }
  StructExtrasBox(StructExtrasBox&&) noexcept = default;
  StructExtrasBox& operator=(StructExtrasBox&&) noexcept = default;

  StructExtras* get() const { return m_p.get(); }
  StructExtras& make() {
    if (!m_p) m_p = std::make_unique<StructExtras>();
    return *m_p;
  }

 private:
  std::unique_ptr<StructExtras> m_p;
};

inline const std::string kNoStructText;
inline const std::vector<uint32_t> kNoStructHeaders;

struct StructElement {
  uint32_t parent = 0;  // index into Document::structure; element 0 is the Document root
  Role role = Role::P;
  uint8_t level = 0;                              // H: 1..3 (the content reader and Combine bound it)
  Scope scope = Scope::None;                      // TH
  ListNumbering numbering = ListNumbering::None;  // L
  uint16_t rowSpan = 1, colSpan = 1;              // TD/TH: 1..1000 (TableReader bounds them)

  const std::string& lang() const { return extras_.get() ? extras_.get()->lang : kNoStructText; }
  const std::string& alt() const { return extras_.get() ? extras_.get()->alt : kNoStructText; }
  const std::string& id() const { return extras_.get() ? extras_.get()->id : kNoStructText; }
  const std::string& sourceId() const { return extras_.get() ? extras_.get()->sourceId : kNoStructText; }
  const std::vector<uint32_t>& headers() const {
    return extras_.get() ? extras_.get()->headers : kNoStructHeaders;
  }

  // Setters: an empty value on an element without extras allocates nothing.
  void setLang(std::string v) { set(&StructExtras::lang, std::move(v)); }
  void setAlt(std::string v) { set(&StructExtras::alt, std::move(v)); }
  void setId(std::string v) { set(&StructExtras::id, std::move(v)); }
  void setSourceId(std::string v) { set(&StructExtras::sourceId, std::move(v)); }

  // For writers that change a field in place (alt +=, headers.push_back).
  StructExtras& mutableExtras() { return extras_.make(); }
  // For in-place rewrites of what is there (index shifts): null when none.
  StructExtras* extras() { return extras_.get(); }

 private:
  StructExtrasBox extras_;

  void set(std::string StructExtras::*field, std::string v) {
    if (!v.empty() || extras_.get()) extras_.make().*field = std::move(v);
  }
};

// 24 bytes instead of 184: the record is kept for every element of the
// document until the structure tree is written (issue 15, the 200 MB target
// at 10,000 pages; docs/performance.md "Blocks released with layout helpers too").
static_assert(sizeof(StructElement) <= 24,
              "StructElement is kept per element: keep rare fields in StructExtras");

// The PDF standard structure type of a role ("P", "LBody", ...); H gives "H".
const char* roleName(Role role);

}  // namespace folio::frame
