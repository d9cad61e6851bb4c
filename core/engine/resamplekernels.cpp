// The portable kernels of the Lanczos-3 passes (resamplekernels.h): the reference the AVX2
// ones must match bit for bit, and what runs on processors without AVX2.
#include "resamplekernels.h"

#include <algorithm>

uint8_t clampToByte(int32_t sum)
{
    // Round half up, as the float kernel's + 0.5 did: >> floors, negative sums included.
    const int32_t v = (sum + (1 << (kWeightShift - 1))) >> kWeightShift;
    return uint8_t(std::clamp(v, 0, 255));
}

void verticalRowScalar(const uint8_t *const *rows, const int16_t *w, int taps, uint8_t *out, int n)
{
    // Sums of a slice at a time stay in a small buffer (L1), taps outer so the inner loop
    // runs along contiguous bytes and the compiler vectorises it with SSE2.
    constexpr int kSlice = 512;
    int32_t sums[kSlice];
    for (int x0 = 0; x0 < n; x0 += kSlice) {
        const int len = std::min(kSlice, n - x0);
        std::fill(sums, sums + len, 0);
        for (int k = 0; k < taps; ++k) {
            if (w[k] == 0)
                continue;
            const uint8_t *row = rows[k] + x0;
            const int32_t wk = w[k];
            for (int x = 0; x < len; ++x)
                sums[x] += wk * row[x];
        }
        for (int x = 0; x < len; ++x)
            out[x0 + x] = clampToByte(sums[x]);
    }
}

void horizontalRowScalar(const uint8_t *src, const FixedTaps &taps, int channels, uint8_t *out,
                         int from, int to)
{
    for (int o = from; o < to; ++o) {
        const int16_t *w = taps.at(o);
        const uint8_t *p = src + size_t(taps.first[size_t(o)]) * size_t(channels);
        const int count = taps.count[size_t(o)];
        for (int c = 0; c < channels; ++c) {
            int32_t sum = 0;
            for (int k = 0; k < count; ++k)
                sum += w[k] * p[k * channels + c];
            out[o * channels + c] = clampToByte(sum);
        }
    }
}

int horizontalSafeOutputs(const FixedTaps &taps, int channels, int rowBytes)
{
    const int group = channels == 1 ? 16 : channels == 2 ? 8 : 4;
    // Three channels are stored as four bytes: never the row's last pixel.
    const int outputs = channels == 3 ? taps.outputs - 1 : taps.outputs;
    for (int o = 0; o < outputs; ++o) {
        const int groups = (taps.count[size_t(o)] + group - 1) / group;
        const long end = long(taps.first[size_t(o)] + (groups - 1) * group) * channels + 16;
        if (end > rowBytes)
            return o;
    }
    return std::max(0, outputs);
}

std::vector<int32_t> weightPairs(const int16_t *w, int taps)
{
    std::vector<int32_t> pairs(static_cast<size_t>(taps / 2));
    for (int k = 0; k + 1 < taps; k += 2)
        pairs[size_t(k / 2)] =
            int32_t(uint32_t(uint16_t(w[k])) | uint32_t(uint16_t(w[k + 1])) << 16);
    return pairs;
}
