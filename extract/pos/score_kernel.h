// The tagger's inner loops: sums of int16 score rows with saturation, and the
// best class; and, for summing a word's feature weights, int16 rows added
// into int32 sums and the sums saturated back to int16. SSE2 on x86-64 (always present there),
// plain C++ elsewhere; both give identical results (the pos tests compare them). With AVX2 at run
// time, 16 lanes at a time.
#pragma once

#include <cstddef>
#include <cstdint>

namespace kg::pos {

inline constexpr size_t kSummedRows = 6;

// out[c] = rows[0][c] + ... + rows[5][c], each addition saturating to int16,
// in that order. `lanes` is a multiple of 8.
void SumRows(const int16_t* const* rows, size_t lanes, int16_t* out);
void SumRowsPortable(const int16_t* const* rows, size_t lanes, int16_t* out);

// out[c] = out[c] + row[c], saturating to int16. `lanes` is a multiple of 8.
void AddRowSaturating(const int16_t* row, size_t lanes, int16_t* out);
void AddRowSaturatingPortable(const int16_t* row, size_t lanes, int16_t* out);

// sums[c] += row[c], widened to int32. `lanes` is a multiple of 8.
void AddRowWidened(const int16_t* row, size_t lanes, int32_t* sums);
void AddRowWidenedPortable(const int16_t* row, size_t lanes, int32_t* sums);

// out[c] = sums[c] clamped to int16, for c < count (any count).
void SaturateToInt16(const int32_t* sums, size_t count, int16_t* out);
void SaturateToInt16Portable(const int32_t* sums, size_t count, int16_t* out);

// The first index of the largest of scores[0, lanes); lanes a multiple of 8.
uint32_t ArgMax(const int16_t* scores, size_t lanes);
uint32_t ArgMaxPortable(const int16_t* scores, size_t lanes);

// a + b saturated to int16.
inline int16_t SaturatingAdd(int16_t a, int16_t b) {
  const int32_t sum = int32_t{a} + b;
  return static_cast<int16_t>(sum > INT16_MAX ? INT16_MAX : sum < INT16_MIN ? INT16_MIN : sum);
}

}  // namespace kg::pos
