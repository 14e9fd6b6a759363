#include "pdf/Objects.h"

#include <libdeflate.h>
#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "pdf/Syntax.h"

namespace folio::pdf {

namespace {

// One zlib stream per thread, reset between uses: compress2() sets up and
// clears 256 KB of state per call, which dominated writing many small page
// streams. deflateReset gives the same bytes as a fresh stream.
class Deflater {
 public:
  ~Deflater() {
    if (m_level >= 0) deflateEnd(&m_z);
  }
  std::string run(std::string_view data, int level) {
    if (m_level != level) {
      if (m_level >= 0) deflateEnd(&m_z);
      m_z = z_stream{};
      m_level = -1;
      if (deflateInit(&m_z, level) != Z_OK) throw std::runtime_error("zlib initialisation failed");
      m_level = level;
    } else if (deflateReset(&m_z) != Z_OK) {
      throw std::runtime_error("zlib reset failed");
    }
    std::string out(deflateBound(&m_z, static_cast<uLong>(data.size())), '\0');
    m_z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    m_z.avail_in = static_cast<uInt>(data.size());
    m_z.next_out = reinterpret_cast<Bytef*>(out.data());
    m_z.avail_out = static_cast<uInt>(out.size());
    if (::deflate(&m_z, Z_FINISH) != Z_STREAM_END) throw std::runtime_error("zlib compression failed");
    out.resize(out.size() - m_z.avail_out);
    return out;
  }

 private:
  z_stream m_z{};
  int m_level = -1;
};

// libdeflate compresses a whole buffer 2.3x faster than zlib at the same
// level and size (measured on the page streams of 100 pages, see
// docs/performance.md); zlib stays for what libdeflate does not offer.
class WholeBufferDeflater {
 public:
  ~WholeBufferDeflater() {
    for (libdeflate_compressor* c : m_compressors)
      if (c) libdeflate_free_compressor(c);
  }
  bool run(std::string_view data, int level, std::string& out) {
    if (level < 1 || level > 9) return false;
    libdeflate_compressor*& c = m_compressors[static_cast<size_t>(level)];
    if (!c) c = libdeflate_alloc_compressor(level);
    if (!c) return false;
    out.resize(libdeflate_zlib_compress_bound(c, data.size()));
    const size_t n = libdeflate_zlib_compress(c, data.data(), data.size(), out.data(), out.size());
    if (n == 0) return false;
    out.resize(n);
    return true;
  }

 private:
  libdeflate_compressor* m_compressors[10] = {};
};

std::string deflate(std::string_view data, int level) {
  thread_local WholeBufferDeflater whole;
  std::string out;
  if (whole.run(data, level, out)) return out;
  thread_local Deflater deflater;
  return deflater.run(data, level);
}

}  // namespace

Object number(double v) {
  double rounded = std::round(v * 10000.0) / 10000.0;
  if (rounded == std::floor(rounded) && std::fabs(rounded) < 9.0e15)
    return integer(static_cast<int64_t>(rounded));
  return Decimal{v};
}

String textString(std::string_view utf8) {
  if (isPlainAscii(utf8)) return String(utf8);
  return String(utf16beWithBom(utf8), true);
}

String byteString(std::string_view bytes) { return String(bytes, !isPlainAscii(bytes)); }

Array rectArray(Sp x0, Sp y0, Sp x1, Sp y1) {
  Array a;
  a.reserve(4);
  a.push_back(lengthPt(x0));
  a.push_back(lengthPt(y0));
  a.push_back(lengthPt(x1));
  a.push_back(lengthPt(y1));
  return a;
}

void setRawStream(DocObject* obj, std::string_view data) { obj->setStream(std::string(data)); }

std::string deflateBytes(std::string_view data, int level) { return deflate(data, std::clamp(level, 1, 9)); }

void setDeflatedStream(DocObject* obj, std::string deflated) {
  obj->dict().add("Filter", Name("FlateDecode"));
  obj->setStream(std::move(deflated));
}

void setFlateStream(DocObject* obj, std::string_view data, int level) {
  if (level <= 0) {
    obj->dict().remove("Filter");
    setRawStream(obj, data);
    return;
  }
  setDeflatedStream(obj, deflate(data, level > 9 ? 9 : level));
}

}  // namespace folio::pdf
