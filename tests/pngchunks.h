#pragma once

#include <QByteArray>
#include <QtEndian>

// Hand-built PNG pieces for tests that need files no encoder writes (bombs, odd chunk orders,
// eXIf): a big-endian word, and a chunk with its length and CRC.
namespace PngChunks {

inline quint32 crc32(const QByteArray &data)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const char byte : data) {
        crc ^= quint8(byte);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

inline QByteArray be32(quint32 value)
{
    QByteArray out(4, '\0');
    qToBigEndian(value, out.data());
    return out;
}

inline QByteArray chunk(const char *type, const QByteArray &body)
{
    const QByteArray typed = QByteArray(type, 4) + body;
    return be32(quint32(body.size())) + typed + be32(crc32(typed));
}

} // namespace PngChunks
