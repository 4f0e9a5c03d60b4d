// SHA-256 (FIPS 180-4) of a byte string, as lowercase hex. Used to identify
// documents in the graph JSON; small enough not to need a crypto library.
#pragma once

#include <string>
#include <string_view>

namespace kg {

std::string Sha256Hex(std::string_view data);

}  // namespace kg
