#pragma once
// MD5 (RFC 1321) for the trailer /ID, which PDF readers expect to be an
// MD5-sized digest. Hand-written: PoDoFo 0.9.8 does not export its MD5
// helper and OpenSSL is not a dependency of Folio.
#include <array>
#include <cstdint>
#include <string_view>

namespace folio::pdf {

std::array<uint8_t, 16> md5(std::string_view data);

}  // namespace folio::pdf
