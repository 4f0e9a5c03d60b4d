// The order of documents in a graph: the natural order of their ids, in
// which runs of digits compare by value ("d2" before "d10", "news-9"
// before "news-10") and other characters by byte. Ids that differ only in
// leading zeros ("d01", "d1") fall back to byte order, so the order is
// total and does not depend on the order documents were read in.
#pragma once

#include <string>
#include <string_view>

namespace kg {

bool DocumentIdLess(std::string_view a, std::string_view b);

// A byte string whose plain order is DocumentIdLess's order of the ids:
// sorting many ids by their keys compares bytes only, once each id's
// digit runs have been read.
std::string DocumentSortKey(std::string_view id);

}  // namespace kg
