#include "extract/pos/score_kernel.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__SSE2__) && defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define KG_SCORE_AVX2 1
#endif

namespace kg::pos {

void SumRowsPortable(const int16_t* const* rows, size_t lanes, int16_t* out) {
  for (size_t c = 0; c < lanes; ++c) {
    int16_t sum = rows[0][c];
    for (size_t r = 1; r < kSummedRows; ++r) sum = SaturatingAdd(sum, rows[r][c]);
    out[c] = sum;
  }
}

void AddRowSaturatingPortable(const int16_t* row, size_t lanes, int16_t* out) {
  for (size_t c = 0; c < lanes; ++c) out[c] = SaturatingAdd(out[c], row[c]);
}

void AddRowWidenedPortable(const int16_t* row, size_t lanes, int32_t* sums) {
  for (size_t c = 0; c < lanes; ++c) sums[c] += row[c];
}

void SaturateToInt16Portable(const int32_t* sums, size_t count, int16_t* out) {
  for (size_t c = 0; c < count; ++c)
    out[c] = static_cast<int16_t>(sums[c] > INT16_MAX   ? INT16_MAX
                                  : sums[c] < INT16_MIN ? INT16_MIN
                                                        : sums[c]);
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

// The six rows' sums 8 lanes at a time, from lane `from` on.
// The row pointers are copied to locals first in these sums: a vector
// store may alias anything, so the compiler would reload them from `rows`
// after every store.
void SumRowsFrom(const int16_t* const* rows, size_t from, size_t lanes, int16_t* out) {
  const int16_t *r0 = rows[0], *r1 = rows[1], *r2 = rows[2];
  const int16_t *r3 = rows[3], *r4 = rows[4], *r5 = rows[5];
  for (size_t c = from; c < lanes; c += 8) {
    __m128i sum = Load(r0 + c);
    sum = _mm_adds_epi16(sum, Load(r1 + c));
    sum = _mm_adds_epi16(sum, Load(r2 + c));
    sum = _mm_adds_epi16(sum, Load(r3 + c));
    sum = _mm_adds_epi16(sum, Load(r4 + c));
    sum = _mm_adds_epi16(sum, Load(r5 + c));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + c), sum);
  }
}

__m128i Load32(const int32_t* at) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(at)); }

void Store32(int32_t* at, __m128i value) {
  _mm_storeu_si128(reinterpret_cast<__m128i*>(at), value);
}

// AddRowWidened 8 lanes at a time, from lane `from` on.
void AddRowWidenedFrom(const int16_t* row, size_t from, size_t lanes, int32_t* sums) {
  for (size_t c = from; c < lanes; c += 8) {
    const __m128i weights = Load(row + c);
    // Each int16 into the top half of an int32 lane, then shifted down
    // with its sign.
    const __m128i low = _mm_srai_epi32(_mm_unpacklo_epi16(weights, weights), 16);
    const __m128i high = _mm_srai_epi32(_mm_unpackhi_epi16(weights, weights), 16);
    Store32(sums + c, _mm_add_epi32(Load32(sums + c), low));
    Store32(sums + c + 4, _mm_add_epi32(Load32(sums + c + 4), high));
  }
}

#if defined(KG_SCORE_AVX2)
// The same kernels 16 lanes at a time where the processor has AVX2 (asked
// at run time: kg is built for any x86-64). Lanes add in the same order,
// so the results are the same bytes.
__attribute__((target("avx2"))) __m256i Load16(const int16_t* at) {
  return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(at));
}

__attribute__((target("avx2"))) void SumRowsAvx2(const int16_t* const* rows, size_t lanes,
                                                 int16_t* out) {
  const int16_t *r0 = rows[0], *r1 = rows[1], *r2 = rows[2];
  const int16_t *r3 = rows[3], *r4 = rows[4], *r5 = rows[5];
  size_t c = 0;
  for (; c + 16 <= lanes; c += 16) {
    __m256i sum = Load16(r0 + c);
    sum = _mm256_adds_epi16(sum, Load16(r1 + c));
    sum = _mm256_adds_epi16(sum, Load16(r2 + c));
    sum = _mm256_adds_epi16(sum, Load16(r3 + c));
    sum = _mm256_adds_epi16(sum, Load16(r4 + c));
    sum = _mm256_adds_epi16(sum, Load16(r5 + c));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out + c), sum);
  }
  SumRowsFrom(rows, c, lanes, out);  // the last 8
}

__attribute__((target("avx2"))) void AddRowWidenedAvx2(const int16_t* row, size_t lanes,
                                                       int32_t* sums) {
  size_t c = 0;
  for (; c + 16 <= lanes; c += 16) {
    const __m256i low = _mm256_cvtepi16_epi32(Load(row + c));
    const __m256i high = _mm256_cvtepi16_epi32(Load(row + c + 8));
    __m256i* at = reinterpret_cast<__m256i*>(sums + c);
    _mm256_storeu_si256(at, _mm256_add_epi32(_mm256_loadu_si256(at), low));
    _mm256_storeu_si256(at + 1, _mm256_add_epi32(_mm256_loadu_si256(at + 1), high));
  }
  AddRowWidenedFrom(row, c, lanes, sums);  // the last 8
}

__attribute__((target("avx2"))) uint32_t ArgMaxAvx2(const int16_t* scores, size_t lanes) {
  size_t c = 0;
  __m128i best = Load(scores);
  if (lanes >= 16) {
    __m256i wide = Load16(scores);
    for (c = 16; c + 16 <= lanes; c += 16) wide = _mm256_max_epi16(wide, Load16(scores + c));
    best = _mm_max_epi16(_mm256_castsi256_si128(wide), _mm256_extracti128_si256(wide, 1));
  }
  for (; c < lanes; c += 8) best = _mm_max_epi16(best, Load(scores + c));
  best = _mm_max_epi16(best, _mm_shuffle_epi32(best, _MM_SHUFFLE(1, 0, 3, 2)));
  best = _mm_max_epi16(best, _mm_shuffle_epi32(best, _MM_SHUFFLE(2, 3, 0, 1)));
  best = _mm_max_epi16(best, _mm_shufflelo_epi16(best, _MM_SHUFFLE(2, 3, 0, 1)));
  const __m256i best16 = _mm256_broadcastw_epi16(best);  // the maximum in every lane
  for (c = 0; c + 16 <= lanes; c += 16) {
    const int mask = _mm256_movemask_epi8(_mm256_cmpeq_epi16(Load16(scores + c), best16));
    if (mask != 0)
      return static_cast<uint32_t>(c) +
             static_cast<uint32_t>(__builtin_ctz(static_cast<unsigned>(mask))) / 2;
  }
  if (c < lanes) {
    const int mask =
        _mm_movemask_epi8(_mm_cmpeq_epi16(Load(scores + c), _mm256_castsi256_si128(best16)));
    if (mask != 0)
      return static_cast<uint32_t>(c) +
             static_cast<uint32_t>(__builtin_ctz(static_cast<unsigned>(mask))) / 2;
  }
  return 0;  // unreachable: some lane holds the maximum
}

// Asked once, when kg starts: a function-local static would cost every
// call a guard check, and the kernels are called for every token. A kernel
// called before this is set (another file's static initializer) takes the
// SSE2 path, which gives the same results.
const bool kHasAvx2 = [] {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") != 0;
}();

bool HasAvx2() { return kHasAvx2; }
#endif
}  // namespace

void SumRows(const int16_t* const* rows, size_t lanes, int16_t* out) {
#if defined(KG_SCORE_AVX2)
  if (HasAvx2()) return SumRowsAvx2(rows, lanes, out);
#endif
  SumRowsFrom(rows, 0, lanes, out);
}

void AddRowSaturating(const int16_t* row, size_t lanes, int16_t* out) {
  for (size_t c = 0; c < lanes; c += 8) {
    __m128i* at = reinterpret_cast<__m128i*>(out + c);
    _mm_storeu_si128(at, _mm_adds_epi16(_mm_loadu_si128(at), Load(row + c)));
  }
}

void AddRowWidened(const int16_t* row, size_t lanes, int32_t* sums) {
#if defined(KG_SCORE_AVX2)
  if (HasAvx2()) return AddRowWidenedAvx2(row, lanes, sums);
#endif
  AddRowWidenedFrom(row, 0, lanes, sums);
}

void SaturateToInt16(const int32_t* sums, size_t count, int16_t* out) {
  size_t c = 0;
  for (; c + 8 <= count; c += 8) {  // packs saturates as it narrows
    const __m128i packed = _mm_packs_epi32(Load32(sums + c), Load32(sums + c + 4));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + c), packed);
  }
  SaturateToInt16Portable(sums + c, count - c, out + c);
}

uint32_t ArgMax(const int16_t* scores, size_t lanes) {
#if defined(KG_SCORE_AVX2)
  if (HasAvx2()) return ArgMaxAvx2(scores, lanes);
#endif
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
void AddRowSaturating(const int16_t* row, size_t lanes, int16_t* out) {
  AddRowSaturatingPortable(row, lanes, out);
}
void AddRowWidened(const int16_t* row, size_t lanes, int32_t* sums) {
  AddRowWidenedPortable(row, lanes, sums);
}
void SaturateToInt16(const int32_t* sums, size_t count, int16_t* out) {
  SaturateToInt16Portable(sums, count, out);
}
uint32_t ArgMax(const int16_t* scores, size_t lanes) { return ArgMaxPortable(scores, lanes); }

#endif

}  // namespace kg::pos
