// The AVX2 kernels of the Lanczos-3 passes (resamplekernels.h). Compiled with the avx2 target
// attribute, not for the whole file: the default build targets plain x86-64 and resample.cpp
// calls these only after __builtin_cpu_supports("avx2"). Same integers as the portable ones.
#include "resamplekernels.h"

#include <immintrin.h>

#include <algorithm>
#include <cstring>

#define PM_AVX2 __attribute__((target("avx2")))

namespace {

constexpr int kBias = 1 << (kWeightShift - 1);

// 32 output bytes of one row, all taps, sums kept in four registers: no sums go to memory.
// Two source rows at a time: their bytes interleaved and widened to int16 pairs, so one
// madd does 16 multiply-adds (a[x] * w[k] + b[x] * w[k + 1] for 8 x).
PM_AVX2 void verticalBlock(const uint8_t *const *rows, const int32_t *pairs, int taps, int x,
                           uint8_t *out)
{
    const __m256i zero = _mm256_setzero_si256();
    __m256i a0 = _mm256_set1_epi32(kBias), a1 = a0, a2 = a0, a3 = a0;
    for (int k = 0; k < taps; k += 2) {
        const __m256i w = _mm256_set1_epi32(pairs[k / 2]);
        const __m256i r0 = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(rows[k] + x));
        const __m256i r1 = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(rows[k + 1] + x));
        const __m256i lo = _mm256_unpacklo_epi8(r0, r1);
        const __m256i hi = _mm256_unpackhi_epi8(r0, r1);
        a0 = _mm256_add_epi32(a0, _mm256_madd_epi16(_mm256_unpacklo_epi8(lo, zero), w));
        a1 = _mm256_add_epi32(a1, _mm256_madd_epi16(_mm256_unpackhi_epi8(lo, zero), w));
        a2 = _mm256_add_epi32(a2, _mm256_madd_epi16(_mm256_unpacklo_epi8(hi, zero), w));
        a3 = _mm256_add_epi32(a3, _mm256_madd_epi16(_mm256_unpackhi_epi8(hi, zero), w));
    }
    // The packs work within 128-bit lanes, as the unpacks did: bytes come back in order.
    a0 = _mm256_srai_epi32(a0, kWeightShift);
    a1 = _mm256_srai_epi32(a1, kWeightShift);
    a2 = _mm256_srai_epi32(a2, kWeightShift);
    a3 = _mm256_srai_epi32(a3, kWeightShift);
    const __m256i bytes =
        _mm256_packus_epi16(_mm256_packs_epi32(a0, a1), _mm256_packs_epi32(a2, a3));
    _mm256_storeu_si256(reinterpret_cast<__m256i *>(out + x), bytes);
}

// Horizontal pass. Each 128-bit lane holds four int32 sums ("slots"): slot s is channel
// s % C of tap pair s / C. A lane covers T taps (T / 2 pairs, C channels each), a register
// G = 2T taps, from one 16-byte load broadcast to both lanes and shuffled to int16 pairs.
template <int C> struct Layout
{
    static constexpr int T = C == 1 ? 8 : C == 2 ? 4 : 2;
    static constexpr int G = 2 * T;
};

// Shuffle control per slot: for pixels, byte tap * C + channel of taps 2q and 2q + 1,
// widened to int16; for weights, the two int16 weights of those taps. Slots past the lane's
// taps (C = 3: slot 3) get zeros.
template <int C> PM_AVX2 __m256i control(bool weights)
{
    constexpr int T = Layout<C>::T;
    alignas(32) int8_t c[32];
    for (int lane = 0; lane < 2; ++lane)
        for (int s = 0; s < 4; ++s) {
            const int ch = s % C, q = s / C, base = lane * 16 + s * 4;
            const bool valid = q < T / 2;
            const int tap0 = lane * T + 2 * q, tap1 = tap0 + 1;
            const int b0 = weights ? 2 * tap0 : tap0 * C + ch;
            const int b1 = weights ? 2 * tap1 : tap1 * C + ch;
            c[base + 0] = int8_t(valid ? b0 : -128);
            c[base + 1] = int8_t(valid ? (weights ? b0 + 1 : -128) : -128);
            c[base + 2] = int8_t(valid ? b1 : -128);
            c[base + 3] = int8_t(valid ? (weights ? b1 + 1 : -128) : -128);
        }
    return _mm256_load_si256(reinterpret_cast<const __m256i *>(c));
}

template <int C> PM_AVX2 __m256i groupWeights(const int16_t *w, __m256i wctrl)
{
    if constexpr (C == 1) // 16 taps, already in slot order
        return _mm256_loadu_si256(reinterpret_cast<const __m256i *>(w));
    const __m128i raw = C == 2 ? _mm_loadu_si128(reinterpret_cast<const __m128i *>(w))
                               : _mm_loadl_epi64(reinterpret_cast<const __m128i *>(w));
    return _mm256_shuffle_epi8(_mm256_broadcastsi128_si256(raw), wctrl);
}

template <int C> PM_AVX2 void storePixel(__m256i acc, uint8_t *out)
{
    __m128i s = _mm_add_epi32(_mm256_castsi256_si128(acc), _mm256_extracti128_si256(acc, 1));
    if constexpr (C <= 2)
        s = _mm_add_epi32(s, _mm_srli_si128(s, 8));
    if constexpr (C == 1)
        s = _mm_add_epi32(s, _mm_srli_si128(s, 4));
    s = _mm_srai_epi32(_mm_add_epi32(s, _mm_set1_epi32(kBias)), kWeightShift);
    s = _mm_packus_epi16(_mm_packs_epi32(s, s), s);
    const int32_t v = _mm_cvtsi128_si32(s);
    std::memcpy(out, &v, C);
}

// The rounded sums of two rows' accumulators `a` and `b`: lane 0 gets a's, lane 1 b's, each
// lane's slots added down to one sum per channel (slots 0 .. C - 1).
template <int C> PM_AVX2 __m256i laneSums(__m256i a, __m256i b)
{
    __m256i s = _mm256_add_epi32(_mm256_permute2x128_si256(a, b, 0x20),
                                 _mm256_permute2x128_si256(a, b, 0x31));
    if constexpr (C <= 2)
        s = _mm256_add_epi32(s, _mm256_srli_si256(s, 8));
    if constexpr (C == 1)
        s = _mm256_add_epi32(s, _mm256_srli_si256(s, 4));
    return _mm256_srai_epi32(_mm256_add_epi32(s, _mm256_set1_epi32(kBias)), kWeightShift);
}

// One output pixel of four rows: the reduction and packing shared, then one store per row.
// Three channels are stored as four bytes, the fourth overwritten by the next pixel: the
// caller keeps the last pixel of a row for the portable kernel (horizontalSafeOutputs).
template <int C> PM_AVX2 void storePixels(const __m256i *acc, uint8_t *const *out, size_t at)
{
    const __m256i s01 = laneSums<C>(acc[0], acc[1]), s23 = laneSums<C>(acc[2], acc[3]);
    // Lane 0: rows 0 and 2, lane 1: rows 1 and 3, four bytes each.
    const __m256i bytes = _mm256_packus_epi16(_mm256_packs_epi32(s01, s23), s01);
    const __m128i lo = _mm256_castsi256_si128(bytes), hi = _mm256_extracti128_si256(bytes, 1);
    const int32_t v[4] = {_mm_cvtsi128_si32(lo), _mm_cvtsi128_si32(hi), _mm_extract_epi32(lo, 1),
                          _mm_extract_epi32(hi, 1)};
    for (int r = 0; r < 4; ++r)
        std::memcpy(out[r] + at, &v[r], C == 3 ? 4 : C);
}

// R rows share each group's weight register: building it costs as much as a row's madd.
template <int C, int R>
PM_AVX2 void horizontalRows(const uint8_t *const *src, const FixedTaps &taps, uint8_t *const *out,
                            int safe)
{
    constexpr int G = Layout<C>::G;
    const __m256i pctrl = control<C>(false), wctrl = control<C>(true);
    for (int o = 0; o < safe; ++o) {
        const int16_t *w = taps.at(o);
        const int groups = (taps.count[size_t(o)] + G - 1) / G;
        const size_t first = size_t(taps.first[size_t(o)]) * C;
        __m256i acc[R];
        for (int r = 0; r < R; ++r)
            acc[r] = _mm256_setzero_si256();
        for (int g = 0; g < groups; ++g) {
            const __m256i wv = groupWeights<C>(w + g * G, wctrl);
            for (int r = 0; r < R; ++r) {
                const __m128i raw = _mm_loadu_si128(
                    reinterpret_cast<const __m128i *>(src[r] + first + size_t(g) * G * C));
                const __m256i px = _mm256_shuffle_epi8(_mm256_broadcastsi128_si256(raw), pctrl);
                acc[r] = _mm256_add_epi32(acc[r], _mm256_madd_epi16(px, wv));
            }
        }
        if constexpr (R == 4)
            storePixels<C>(acc, out, size_t(o) * C);
        else
            storePixel<C>(acc[0], out[0] + size_t(o) * C);
    }
}

template <int C>
void horizontalChannels(const uint8_t *const *src, int rowCount, const FixedTaps &taps,
                        uint8_t *const *out, int safe)
{
    if (rowCount == 4)
        return horizontalRows<C, 4>(src, taps, out, safe);
    for (int r = 0; r < rowCount; ++r)
        horizontalRows<C, 1>(src + r, taps, out + r, safe);
}

} // namespace

PM_AVX2 void verticalRowAvx2(const uint8_t *const *rows, const int16_t *w, int taps, uint8_t *out,
                             int n)
{
    if (n < 32)
        return verticalRowScalar(rows, w, taps, out, n);
    const std::vector<int32_t> pairs = weightPairs(w, taps);
    // The last block overlaps the one before rather than falling back to scalar code.
    for (int x = 0; x < n; x += 32)
        verticalBlock(rows, pairs.data(), taps, std::min(x, n - 32), out);
}

void horizontalRowsAvx2(const uint8_t *const *src, int rowCount, const FixedTaps &taps,
                        int channels, uint8_t *const *out, int safe)
{
    switch (channels) {
    case 1:
        return horizontalChannels<1>(src, rowCount, taps, out, safe);
    case 2:
        return horizontalChannels<2>(src, rowCount, taps, out, safe);
    case 3:
        return horizontalChannels<3>(src, rowCount, taps, out, safe);
    default:
        return horizontalChannels<4>(src, rowCount, taps, out, safe);
    }
}
