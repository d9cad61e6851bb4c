// The wire protocol's decoders (core/protocol.cpp): the frame reader over any byte stream, and
// the hello, jobs and result decoders over any JSON object it yields. The first input byte picks
// how the rest is read: even, as the payload of one well-framed message (so that mutations reach
// the JSON decoders instead of breaking the length prefix); odd, as a raw stream, fed in two
// pieces split where the second byte says.
#include "fuzztarget.h"

#include "protocol.h"

namespace {

void decodeEveryWay(const QJsonObject &message)
{
    // Whatever the decoders return (values or errors), they must return.
    (void)Protocol::messageType(message);
    (void)Protocol::checkHello(message);
    (void)Protocol::helloPid(message);
    const auto jobs = Protocol::jobsFrom(message);
    (void)jobs;
    const auto result = Protocol::resultFrom(message);
    (void)result;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    Protocol::FrameReader reader;
    if (data[0] % 2 == 0) {
        const QByteArray payload = FuzzInput::view(data + 1, size - 1);
        QByteArray frame(4, '\0');
        const quint32 length = quint32(payload.size());
        for (int i = 0; i < 4; ++i)
            frame[i] = char(length >> (24 - 8 * i));
        reader.append(frame + payload);
    } else {
        const size_t split = std::min<size_t>(data[1], size - 2);
        reader.append(reinterpret_cast<const char *>(data + 2), qsizetype(split));
        reader.append(reinterpret_cast<const char *>(data + 2 + split),
                      qsizetype(size - 2 - split));
    }
    while (const std::optional<QJsonObject> message = reader.takeFrame())
        decodeEveryWay(*message);
    if (reader.hasError())
        FuzzInput::require(!reader.errorString().isEmpty(), "an error has words");
    return 0;
}
