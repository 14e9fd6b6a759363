#pragma once
// MD5 (RFC 1321) for the trailer /ID, which PDF readers expect to be an
// MD5-sized digest. Hand-written: PoDoFo 0.9.8 does not export its MD5
// helper and OpenSSL is not a dependency of Folio.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace folio::pdf {

std::array<uint8_t, 16> md5(std::string_view data);

// The same digest over bytes that come in pieces (a file written as it goes).
class Md5 {
 public:
  void update(std::string_view data);
  std::array<uint8_t, 16> digest() const;

 private:
  uint32_t m_h[4] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
  unsigned char m_buffer[64] = {};
  size_t m_buffered = 0;  // bytes in m_buffer, < 64
  uint64_t m_length = 0;  // bytes seen
};

}  // namespace folio::pdf
