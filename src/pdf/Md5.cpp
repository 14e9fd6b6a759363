#include "pdf/Md5.h"

#include <algorithm>
#include <cstring>
#include <string>

namespace folio::pdf {

namespace {

// floor(abs(sin(i + 1)) * 2^32), as tabulated in RFC 1321.
constexpr uint32_t kSine[64] = {
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391};

inline uint32_t rotl(uint32_t x, uint32_t c) { return (x << c) | (x >> (32 - c)); }

// One step of a round: a = b + ((a + F(b,c,d) + m[g] + K) <<< s), written
// out for each of the 64 steps (constant g, K and s) so the compiler keeps
// the state in registers: about a quarter of the instructions of a loop
// that picks them from tables (MD5 of a letter's 38 KB: 1.0 -> 0.3 M Ir).
#define FOLIO_MD5_STEP(F, a, b, c, d, k, s, i) a = b + rotl(a + F(b, c, d) + m[k] + kSine[i], s)

inline uint32_t md5F(uint32_t x, uint32_t y, uint32_t z) { return z ^ (x & (y ^ z)); }  // (x&y)|(~x&z)
inline uint32_t md5G(uint32_t x, uint32_t y, uint32_t z) { return y ^ (z & (x ^ y)); }  // (x&z)|(y&~z)
inline uint32_t md5H(uint32_t x, uint32_t y, uint32_t z) { return x ^ y ^ z; }
inline uint32_t md5I(uint32_t x, uint32_t y, uint32_t z) { return y ^ (x | ~z); }

void block(uint32_t h[4], const unsigned char* p) {
  uint32_t m[16];
  for (int i = 0; i < 16; ++i)
    m[i] = uint32_t(p[4 * i]) | (uint32_t(p[4 * i + 1]) << 8) | (uint32_t(p[4 * i + 2]) << 16) |
           (uint32_t(p[4 * i + 3]) << 24);
  uint32_t a = h[0], b = h[1], c = h[2], d = h[3];
  // Round 1: g = i.
  FOLIO_MD5_STEP(md5F, a, b, c, d, 0, 7, 0);
  FOLIO_MD5_STEP(md5F, d, a, b, c, 1, 12, 1);
  FOLIO_MD5_STEP(md5F, c, d, a, b, 2, 17, 2);
  FOLIO_MD5_STEP(md5F, b, c, d, a, 3, 22, 3);
  FOLIO_MD5_STEP(md5F, a, b, c, d, 4, 7, 4);
  FOLIO_MD5_STEP(md5F, d, a, b, c, 5, 12, 5);
  FOLIO_MD5_STEP(md5F, c, d, a, b, 6, 17, 6);
  FOLIO_MD5_STEP(md5F, b, c, d, a, 7, 22, 7);
  FOLIO_MD5_STEP(md5F, a, b, c, d, 8, 7, 8);
  FOLIO_MD5_STEP(md5F, d, a, b, c, 9, 12, 9);
  FOLIO_MD5_STEP(md5F, c, d, a, b, 10, 17, 10);
  FOLIO_MD5_STEP(md5F, b, c, d, a, 11, 22, 11);
  FOLIO_MD5_STEP(md5F, a, b, c, d, 12, 7, 12);
  FOLIO_MD5_STEP(md5F, d, a, b, c, 13, 12, 13);
  FOLIO_MD5_STEP(md5F, c, d, a, b, 14, 17, 14);
  FOLIO_MD5_STEP(md5F, b, c, d, a, 15, 22, 15);
  // Round 2: g = (5i + 1) mod 16.
  FOLIO_MD5_STEP(md5G, a, b, c, d, 1, 5, 16);
  FOLIO_MD5_STEP(md5G, d, a, b, c, 6, 9, 17);
  FOLIO_MD5_STEP(md5G, c, d, a, b, 11, 14, 18);
  FOLIO_MD5_STEP(md5G, b, c, d, a, 0, 20, 19);
  FOLIO_MD5_STEP(md5G, a, b, c, d, 5, 5, 20);
  FOLIO_MD5_STEP(md5G, d, a, b, c, 10, 9, 21);
  FOLIO_MD5_STEP(md5G, c, d, a, b, 15, 14, 22);
  FOLIO_MD5_STEP(md5G, b, c, d, a, 4, 20, 23);
  FOLIO_MD5_STEP(md5G, a, b, c, d, 9, 5, 24);
  FOLIO_MD5_STEP(md5G, d, a, b, c, 14, 9, 25);
  FOLIO_MD5_STEP(md5G, c, d, a, b, 3, 14, 26);
  FOLIO_MD5_STEP(md5G, b, c, d, a, 8, 20, 27);
  FOLIO_MD5_STEP(md5G, a, b, c, d, 13, 5, 28);
  FOLIO_MD5_STEP(md5G, d, a, b, c, 2, 9, 29);
  FOLIO_MD5_STEP(md5G, c, d, a, b, 7, 14, 30);
  FOLIO_MD5_STEP(md5G, b, c, d, a, 12, 20, 31);
  // Round 3: g = (3i + 5) mod 16.
  FOLIO_MD5_STEP(md5H, a, b, c, d, 5, 4, 32);
  FOLIO_MD5_STEP(md5H, d, a, b, c, 8, 11, 33);
  FOLIO_MD5_STEP(md5H, c, d, a, b, 11, 16, 34);
  FOLIO_MD5_STEP(md5H, b, c, d, a, 14, 23, 35);
  FOLIO_MD5_STEP(md5H, a, b, c, d, 1, 4, 36);
  FOLIO_MD5_STEP(md5H, d, a, b, c, 4, 11, 37);
  FOLIO_MD5_STEP(md5H, c, d, a, b, 7, 16, 38);
  FOLIO_MD5_STEP(md5H, b, c, d, a, 10, 23, 39);
  FOLIO_MD5_STEP(md5H, a, b, c, d, 13, 4, 40);
  FOLIO_MD5_STEP(md5H, d, a, b, c, 0, 11, 41);
  FOLIO_MD5_STEP(md5H, c, d, a, b, 3, 16, 42);
  FOLIO_MD5_STEP(md5H, b, c, d, a, 6, 23, 43);
  FOLIO_MD5_STEP(md5H, a, b, c, d, 9, 4, 44);
  FOLIO_MD5_STEP(md5H, d, a, b, c, 12, 11, 45);
  FOLIO_MD5_STEP(md5H, c, d, a, b, 15, 16, 46);
  FOLIO_MD5_STEP(md5H, b, c, d, a, 2, 23, 47);
  // Round 4: g = 7i mod 16.
  FOLIO_MD5_STEP(md5I, a, b, c, d, 0, 6, 48);
  FOLIO_MD5_STEP(md5I, d, a, b, c, 7, 10, 49);
  FOLIO_MD5_STEP(md5I, c, d, a, b, 14, 15, 50);
  FOLIO_MD5_STEP(md5I, b, c, d, a, 5, 21, 51);
  FOLIO_MD5_STEP(md5I, a, b, c, d, 12, 6, 52);
  FOLIO_MD5_STEP(md5I, d, a, b, c, 3, 10, 53);
  FOLIO_MD5_STEP(md5I, c, d, a, b, 10, 15, 54);
  FOLIO_MD5_STEP(md5I, b, c, d, a, 1, 21, 55);
  FOLIO_MD5_STEP(md5I, a, b, c, d, 8, 6, 56);
  FOLIO_MD5_STEP(md5I, d, a, b, c, 15, 10, 57);
  FOLIO_MD5_STEP(md5I, c, d, a, b, 6, 15, 58);
  FOLIO_MD5_STEP(md5I, b, c, d, a, 13, 21, 59);
  FOLIO_MD5_STEP(md5I, a, b, c, d, 4, 6, 60);
  FOLIO_MD5_STEP(md5I, d, a, b, c, 11, 10, 61);
  FOLIO_MD5_STEP(md5I, c, d, a, b, 2, 15, 62);
  FOLIO_MD5_STEP(md5I, b, c, d, a, 9, 21, 63);
  h[0] += a;
  h[1] += b;
  h[2] += c;
  h[3] += d;
}

#undef FOLIO_MD5_STEP

}  // namespace

void Md5::update(std::string_view data) {
  const auto* p = reinterpret_cast<const unsigned char*>(data.data());
  size_t n = data.size();
  m_length += n;
  if (m_buffered > 0) {
    size_t take = std::min(n, sizeof m_buffer - m_buffered);
    std::memcpy(m_buffer + m_buffered, p, take);
    m_buffered += take;
    p += take;
    n -= take;
    if (m_buffered < sizeof m_buffer) return;
    block(m_h, m_buffer);
    m_buffered = 0;
  }
  for (; n >= 64; p += 64, n -= 64) block(m_h, p);
  std::memcpy(m_buffer, p, n);
  m_buffered = n;
}

std::array<uint8_t, 16> Md5::digest() const {
  uint32_t h[4] = {m_h[0], m_h[1], m_h[2], m_h[3]};
  // Padding: 0x80, zeros, then the bit length little-endian in the last 8 bytes.
  unsigned char tail[128] = {};
  std::memcpy(tail, m_buffer, m_buffered);
  tail[m_buffered] = 0x80;
  size_t tailLen = m_buffered + 1 + 8 <= 64 ? 64 : 128;
  uint64_t bits = m_length * 8;
  for (int i = 0; i < 8; ++i) tail[tailLen - 8 + i] = static_cast<unsigned char>(bits >> (8 * i));
  for (size_t off = 0; off < tailLen; off += 64) block(h, tail + off);
  std::array<uint8_t, 16> out;
  for (int i = 0; i < 4; ++i)
    for (int k = 0; k < 4; ++k) out[4 * i + k] = static_cast<uint8_t>(h[i] >> (8 * k));
  return out;
}

std::array<uint8_t, 16> md5(std::string_view data) {
  Md5 m;
  m.update(data);
  return m.digest();
}

}  // namespace folio::pdf
