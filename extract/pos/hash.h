// Hashes for the tagger's feature keys and lookup tables. They are part of
// the model file format: a model stores feature keys made with them, so they
// must never change without a new model version.
#pragma once

#include <cstdint>
#include <string_view>

namespace kg::pos {

// FNV-1a over the bytes, then a final mix so that short keys spread over
// every bit (the tables index with the low bits).
constexpr uint64_t HashBytes(std::string_view bytes, uint64_t seed = 0) {
  uint64_t hash = 0xcbf29ce484222325ULL ^ seed;
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  hash ^= hash >> 32;
  hash *= 0xd6e8feb86659fd93ULL;
  hash ^= hash >> 32;
  return hash;
}

// Combines a hash with a small integer (a template id, a tag, an offset).
constexpr uint64_t Mix(uint64_t hash, uint64_t value) {
  uint64_t x = hash ^ (value + 0x9e3779b97f4a7c15ULL + (hash << 6) + (hash >> 2));
  x ^= x >> 31;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 29;
  return x;
}

}  // namespace kg::pos
