// SHA-256 (FIPS 180-4) of a byte string, as lowercase hex. Identifies
// documents in the graph JSON: every article is hashed once as it is read,
// so the hash comes from OpenSSL's libcrypto, whose SHA-NI and AVX2 code
// hashes several times faster than portable C++.
#pragma once

#include <string>
#include <string_view>

namespace kg {

std::string Sha256Hex(std::string_view data);

}  // namespace kg
