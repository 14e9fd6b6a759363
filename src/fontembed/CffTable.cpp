#include "fontembed/CffTable.h"

#include <optional>

namespace folio::fontembed {

namespace {

// Bounds-checked big-endian reads over the table.
class Reader {
 public:
  explicit Reader(std::string_view d) : m_d(d) {}
  bool has(size_t at, size_t n) const { return at <= m_d.size() && m_d.size() - at >= n; }
  uint32_t u8(size_t at) const { return static_cast<unsigned char>(m_d[at]); }
  uint32_t u16(size_t at) const { return (u8(at) << 8) | u8(at + 1); }
  uint32_t offset(size_t at, unsigned size) const {
    uint32_t v = 0;
    for (unsigned i = 0; i < size; ++i) v = (v << 8) | u8(at + i);
    return v;
  }
  std::string_view bytes(size_t at, size_t n) const { return m_d.substr(at, n); }
  size_t size() const { return m_d.size(); }

 private:
  std::string_view m_d;
};

// A CFF INDEX: `count` items; item(i) gives its bytes; `end` is the byte after it.
struct Index {
  uint32_t count = 0;
  std::vector<std::string_view> items;
  size_t end = 0;
};

std::optional<Index> readIndex(const Reader& r, size_t at) {
  Index idx;
  if (!r.has(at, 2)) return std::nullopt;
  idx.count = r.u16(at);
  if (idx.count == 0) {
    idx.end = at + 2;
    return idx;
  }
  if (!r.has(at + 2, 1)) return std::nullopt;
  unsigned offSize = r.u8(at + 2);
  if (offSize < 1 || offSize > 4) return std::nullopt;
  size_t offsets = at + 3;
  if (!r.has(offsets, (size_t(idx.count) + 1) * offSize)) return std::nullopt;
  size_t dataBase = offsets + (size_t(idx.count) + 1) * offSize - 1;  // offsets are 1-based
  for (uint32_t i = 0; i < idx.count; ++i) {
    uint32_t a = r.offset(offsets + size_t(i) * offSize, offSize);
    uint32_t b = r.offset(offsets + size_t(i + 1) * offSize, offSize);
    if (a < 1 || b < a || !r.has(dataBase + a, b - a)) return std::nullopt;
    idx.items.push_back(r.bytes(dataBase + a, b - a));
  }
  idx.end = dataBase + r.offset(offsets + size_t(idx.count) * offSize, offSize);
  return idx;
}

// The Top DICT operators we use, with their integer operands.
struct TopDict {
  bool ros = false;
  int registrySid = -1, orderingSid = -1, supplement = 0;
  int64_t charset = 0, charStrings = -1;
};

std::optional<TopDict> parseTopDict(std::string_view d) {
  TopDict top;
  std::vector<int64_t> operands;
  for (size_t i = 0; i < d.size();) {
    unsigned b0 = static_cast<unsigned char>(d[i]);
    auto byte = [&](size_t k) -> unsigned { return static_cast<unsigned char>(d[i + k]); };
    if (b0 <= 21) {  // operator
      unsigned op = b0;
      if (b0 == 12) {
        if (i + 1 >= d.size()) return std::nullopt;
        op = 1200 + byte(1);
        i += 2;
      } else {
        i += 1;
      }
      if (op == 1230 && operands.size() >= 3) {  // ROS
        top.ros = true;
        top.registrySid = static_cast<int>(operands[0]);
        top.orderingSid = static_cast<int>(operands[1]);
        top.supplement = static_cast<int>(operands[2]);
      } else if (op == 15 && !operands.empty()) {
        top.charset = operands.back();
      } else if (op == 17 && !operands.empty()) {
        top.charStrings = operands.back();
      }
      operands.clear();
    } else if (b0 == 28) {
      if (i + 3 > d.size()) return std::nullopt;
      operands.push_back(static_cast<int16_t>((byte(1) << 8) | byte(2)));
      i += 3;
    } else if (b0 == 29) {
      if (i + 5 > d.size()) return std::nullopt;
      operands.push_back(static_cast<int32_t>((byte(1) << 24) | (byte(2) << 16) | (byte(3) << 8) | byte(4)));
      i += 5;
    } else if (b0 == 30) {  // real: nibbles up to an 0xF terminator; value unused
      ++i;
      while (i < d.size()) {
        unsigned v = static_cast<unsigned char>(d[i++]);
        if ((v & 0x0F) == 0x0F || (v >> 4) == 0x0F) break;
      }
      operands.push_back(0);
    } else if (b0 >= 32 && b0 <= 246) {
      operands.push_back(static_cast<int64_t>(b0) - 139);
      i += 1;
    } else if (b0 >= 247 && b0 <= 250) {
      if (i + 2 > d.size()) return std::nullopt;
      operands.push_back((static_cast<int64_t>(b0) - 247) * 256 + byte(1) + 108);
      i += 2;
    } else if (b0 >= 251 && b0 <= 254) {
      if (i + 2 > d.size()) return std::nullopt;
      operands.push_back(-(static_cast<int64_t>(b0) - 251) * 256 - byte(1) - 108);
      i += 2;
    } else {
      return std::nullopt;  // reserved byte
    }
  }
  return top;
}

std::string sidString(const Index& strings, int sid, const char* fallback) {
  constexpr int kStandardStrings = 391;
  if (sid >= kStandardStrings && static_cast<uint32_t>(sid - kStandardStrings) < strings.count)
    return std::string(strings.items[static_cast<size_t>(sid - kStandardStrings)]);
  return fallback;
}

bool readCharset(const Reader& r, size_t at, uint32_t glyphs, std::vector<uint32_t>& cids) {
  cids.assign(glyphs, 0);
  if (!r.has(at, 1)) return false;
  unsigned format = r.u8(at);
  size_t p = at + 1;
  uint32_t gid = 1;
  if (format == 0) {
    for (; gid < glyphs; ++gid, p += 2) {
      if (!r.has(p, 2)) return false;
      cids[gid] = r.u16(p);
    }
    return true;
  }
  if (format != 1 && format != 2) return false;
  const size_t leftSize = format == 1 ? 1 : 2;
  while (gid < glyphs) {
    if (!r.has(p, 2 + leftSize)) return false;
    uint32_t first = r.u16(p);
    uint32_t left = leftSize == 1 ? r.u8(p + 2) : r.u16(p + 2);
    p += 2 + leftSize;
    for (uint32_t k = 0; k <= left && gid < glyphs; ++k) cids[gid++] = first + k;
  }
  return true;
}

}  // namespace

CffInfo readCff(std::string_view cff) {
  CffInfo info;
  Reader r(cff);
  if (!r.has(0, 4) || r.u8(0) != 1) return info;  // CFF version 1 only (not CFF2)
  auto names = readIndex(r, r.u8(2));
  if (!names) return info;
  auto tops = readIndex(r, names->end);
  if (!tops || tops->count < 1) return info;
  auto strings = readIndex(r, tops->end);
  if (!strings) return info;
  auto top = parseTopDict(tops->items[0]);
  if (!top || top->charStrings < 0) return info;
  auto charStrings = readIndex(r, static_cast<size_t>(top->charStrings));
  if (!charStrings) return info;
  info.cidKeyed = top->ros;
  if (info.cidKeyed) {
    info.registry = sidString(*strings, top->registrySid, "Adobe");
    info.ordering = sidString(*strings, top->orderingSid, "Identity");
    info.supplement = top->supplement;
    // CID-keyed fonts always have a custom charset (offsets 0..2 are the
    // predefined name-keyed charsets).
    if (top->charset <= 2 ||
        !readCharset(r, static_cast<size_t>(top->charset), charStrings->count, info.gidToCid))
      return info;
  }
  info.valid = true;
  return info;
}

}  // namespace folio::fontembed
