#pragma once

#include <QByteArray>

// Internal to pixelmill_engine: a progressive JPEG without the scans a luma decode never uses.
//
// A progressive file codes each colour component's AC coefficients in scans of their own; a
// gray decode of a YCbCr file reads only the first component (libjpeg marks the others not
// needed and never transforms them), yet still entropy-decodes every scan, and the chroma scans
// are a third or more of a photo's bytes. Dropping them from the stream changes no luma
// coefficient, so the gray pixels are identical, for about a third less work.
//
// Returns the stream with every scan that codes only components other than the frame's first
// removed (its SOS segment and entropy-coded data), every other byte in order; or an empty
// array when the file is not a plain progressive Huffman JPEG of three components (SOF2), or
// its marker structure is anything but well formed (then the caller decodes the original). It
// does not know the colour space: the caller keeps the result only when libjpeg reads it as
// YCbCr (an RGB file needs every component for gray).
QByteArray progressiveWithoutChromaScans(const QByteArray &jpeg);
