#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

// Internal to resample.cpp: the fixed-point arithmetic of one Lanczos-3 pass, portable and AVX2.
// Both kernels compute exactly the same integers; only their speed differs.

// Weights are int16 scaled by 1 << kWeightShift and sum to exactly that per output pixel, so
// flat areas come out unchanged. 14 bits, not libvips' 12: the rounding error of the weights
// stays under a quarter of a level even for the widest kernels (37 taps), and the largest
// normalised Lanczos weight (about 1.0) fits int16 with room to spare. Products go into int32:
// 255 * sum |w| (about 1.3 << 14 for Lanczos-3) is far from overflowing.
constexpr int kWeightShift = 14;

// One axis's taps, edge clamping already applied: taps that fell outside the image were merged
// into the edge pixel's weight, and zero weights at either end trimmed, so every output pixel
// reads only source indices first .. first + count - 1.
struct FixedTaps
{
    int outputs = 0;
    int stride = 0; // weights per output pixel, a multiple of 16, zero past `count`
    int maxCount = 0;
    std::vector<int> first;
    std::vector<int> count;
    std::vector<int16_t> weights;
    const int16_t *at(int o) const { return weights.data() + size_t(o) * size_t(stride); }
};

// One output row of the vertical pass: `n` bytes, out[x] = sum_k w[k] * rows[k][x]. `rows`
// and `w` hold an even number of taps (a pad tap has weight 0 and any valid row).
void verticalRowScalar(const uint8_t *const *rows, const int16_t *w, int taps, uint8_t *out, int n);
void verticalRowAvx2(const uint8_t *const *rows, const int16_t *w, int taps, uint8_t *out, int n);
// AVX-512 BW + VNNI; rows narrower than 64 bytes go to the AVX2 kernel.
void verticalRowAvx512(const uint8_t *const *rows, const int16_t *w, int taps, uint8_t *out, int n);
// Taps k and k + 1 as one int32 (k in the low half): the operand of one madd.
std::vector<int32_t> weightPairs(const int16_t *w, int taps);

// Output pixels [from, to) of one row of the horizontal pass, `channels` interleaved.
void horizontalRowScalar(const uint8_t *src, const FixedTaps &taps, int channels, uint8_t *out,
                         int from, int to);
// `rowCount` (1 to 4) rows at once, sharing the weights: output pixels [0, safe), where `safe`
// is horizontalSafeOutputs(); the caller finishes each row with the scalar kernel.
void horizontalRowsAvx2(const uint8_t *const *src, int rowCount, const FixedTaps &taps,
                        int channels, uint8_t *const *out, int safe);
// How many leading output pixels the AVX2 kernel may do without reading past a row of
// `rowBytes` bytes (it reads 16 bytes per group of taps, zero weights included) or writing
// past it (three channels are stored as four bytes).
int horizontalSafeOutputs(const FixedTaps &taps, int channels, int rowBytes);

uint8_t clampToByte(int32_t sum);
