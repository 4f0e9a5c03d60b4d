#include "extract/pos/score_kernel.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace kg::pos {

void SumRowsPortable(const int16_t* const* rows, size_t lanes, int16_t* out) {
  for (size_t c = 0; c < lanes; ++c) {
    int16_t sum = rows[0][c];
    for (size_t r = 1; r < kSummedRows; ++r) sum = SaturatingAdd(sum, rows[r][c]);
    out[c] = sum;
  }
}

uint32_t ArgMaxPortable(const int16_t* scores, size_t lanes) {
  uint32_t best = 0;
  for (uint32_t c = 1; c < lanes; ++c)
    if (scores[c] > scores[best]) best = c;
  return best;
}

#if defined(__SSE2__)

namespace {
__m128i Load(const int16_t* at) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(at)); }
}  // namespace

void SumRows(const int16_t* const* rows, size_t lanes, int16_t* out) {
  for (size_t c = 0; c < lanes; c += 8) {
    __m128i sum = Load(rows[0] + c);
    sum = _mm_adds_epi16(sum, Load(rows[1] + c));
    sum = _mm_adds_epi16(sum, Load(rows[2] + c));
    sum = _mm_adds_epi16(sum, Load(rows[3] + c));
    sum = _mm_adds_epi16(sum, Load(rows[4] + c));
    sum = _mm_adds_epi16(sum, Load(rows[5] + c));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + c), sum);
  }
}

uint32_t ArgMax(const int16_t* scores, size_t lanes) {
  __m128i best = Load(scores);
  for (size_t c = 8; c < lanes; c += 8) best = _mm_max_epi16(best, Load(scores + c));
  best = _mm_max_epi16(best, _mm_shuffle_epi32(best, _MM_SHUFFLE(1, 0, 3, 2)));
  best = _mm_max_epi16(best, _mm_shuffle_epi32(best, _MM_SHUFFLE(2, 3, 0, 1)));
  best = _mm_max_epi16(best, _mm_shufflelo_epi16(best, _MM_SHUFFLE(2, 3, 0, 1)));
  best = _mm_shuffle_epi32(best, 0);  // the maximum in every lane
  for (size_t c = 0; c < lanes; c += 8) {
    const int mask = _mm_movemask_epi8(_mm_cmpeq_epi16(Load(scores + c), best));
    if (mask != 0)
      return static_cast<uint32_t>(c) +
             static_cast<uint32_t>(__builtin_ctz(static_cast<unsigned>(mask))) / 2;
  }
  return 0;  // unreachable: some lane holds the maximum
}

#else

void SumRows(const int16_t* const* rows, size_t lanes, int16_t* out) {
  SumRowsPortable(rows, lanes, out);
}
uint32_t ArgMax(const int16_t* scores, size_t lanes) { return ArgMaxPortable(scores, lanes); }

#endif

}  // namespace kg::pos
