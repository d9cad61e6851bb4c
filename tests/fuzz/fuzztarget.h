#pragma once

#include <QByteArray>

#include <cstddef>
#include <cstdint>

// One entry point per fuzz target (tests/fuzz/fuzz_*.cpp), called by libFuzzer in the fuzz
// build and by replay_main.cpp over tests/fuzz/regressions/ in the normal build, so that every
// input a fuzzer ever broke runs through the same code in `make test`.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace FuzzInput {

// The input as the parsers get it, without a copy: libFuzzer's buffer is exactly `size` bytes
// long, so AddressSanitizer sees a read one byte past the end (a QByteArray copy would hide it
// behind its terminating NUL).
inline QByteArray view(const uint8_t *data, size_t size)
{
    return QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
}

// A broken invariant is a finding: abort, so that libFuzzer saves the input.
void require(bool condition, const char *what);

} // namespace FuzzInput
