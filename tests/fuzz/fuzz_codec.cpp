// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target over the framer and the codec. For any input:
//  - the framer cuts the same packets whether the bytes come at once or in small pieces;
//  - its first packets decode (with 3.1.1 and 5.0 rules) to a packet or an error, never a crash;
//  - a decoded packet re-encodes to bytes that decode to an equal packet and encode identically;
//  - topic validation and matching accept whatever the codec lets through.

#include "protocol/codec.h"
#include "protocol/framer.h"
#include "protocol/topic.h"

#include <cstdio>
#include <cstdlib>

using namespace mqttscope;

namespace {

void check(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_codec: %s\n", what);
        std::abort();
    }
}

constexpr quint32 MaximumPacketSize = 1 << 20;

// The codec is stateless: a packet decoded ninth finds nothing it would not find first. But
// libFuzzer tells apart how often each edge runs (1, 2, 3, 4-7, ... 128+ times), so decoding every
// packet made repeating one pay: a third of the corpus grew into inputs of up to 700 packets, each
// decoded twice per run, and exec/s fell tenfold in three minutes.
constexpr qsizetype MaximumDecodedPackets = 8;

// Feeds `input` to a framer in pieces of `chunkSize` bytes and returns the sizes of the packets
// it cuts, each checked to be the next slice of the input: comparing the sizes then compares the
// packets, without copying each one.
QList<qsizetype> frame(const QByteArray &input, qsizetype chunkSize,
                       std::optional<ProtocolError> &error)
{
    Framer framer(MaximumPacketSize);
    QList<qsizetype> sizes;
    qsizetype framed = 0;
    for (qsizetype offset = 0; offset < input.size(); offset += chunkSize) {
        // A copy of exactly the chunk, so that ASan catches a framer reading past what it got.
        framer.append(input.mid(offset, chunkSize));
        while (const auto packet = framer.next()) {
            check(packet->size() >= 2 && packet->size() <= MaximumPacketSize,
                  "framer cut a bad size");
            check(packet->size() <= input.size() - framed
                      && *packet == QByteArrayView(input).sliced(framed, packet->size()),
                  "framer cut bytes that do not follow the previous packet");
            framed += packet->size();
            sizes.append(packet->size());
        }
    }
    error = framer.error();
    return sizes;
}

void checkTopics(const Packet &packet)
{
    if (const auto *publish = std::get_if<PublishPacket>(&packet)) {
        if (!publish->topic.isEmpty()) {
            check(Topic::nameProblem(publish->topic).isEmpty(), "decoded topic name is invalid");
            check(Topic::matches(publish->topic, publish->topic) || Topic::isShared(publish->topic),
                  "topic name does not match itself");
            check(Topic::matches("#", publish->topic) != publish->topic.startsWith('$'),
                  "'#' and the $ rule disagree");
        }
    } else if (const auto *subscribe = std::get_if<SubscribePacket>(&packet)) {
        for (const Subscription &s : subscribe->subscriptions) {
            const QByteArray filter = s.filter.toUtf8();
            Topic::filterProblem(filter);
            Topic::matches(filter, filter);
            Topic::matches(filter, "a/b/c");
        }
    }
}

void roundTrip(QByteArrayView bytes, ProtocolVersion version)
{
    const DecodeResult decoded = decodePacket(bytes, version);
    const auto *packet = std::get_if<Packet>(&decoded);
    if (!packet) {
        check(!std::get<ProtocolError>(decoded).message.isEmpty(), "error without a message");
        return;
    }
    checkTopics(*packet);
    const QByteArray encoded = encodePacket(*packet, version);
    const DecodeResult again = decodePacket(encoded, version);
    const auto *repacket = std::get_if<Packet>(&again);
    check(repacket, "re-encoded packet does not decode");
    check(*repacket == *packet, "re-encoded packet decodes differently");
    check(encodePacket(*repacket, version) == encoded, "encoding is not stable");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    uint checksum = 0;
    for (char byte : input)
        checksum += quint8(byte);

    std::optional<ProtocolError> wholeError;
    std::optional<ProtocolError> piecesError;
    const QList<qsizetype> whole = frame(input, qMax<qsizetype>(1, input.size()), wholeError);
    const QList<qsizetype> pieces = frame(input, 1 + checksum % 16, piecesError);
    check(whole == pieces, "framing depends on how the bytes are split");
    check(bool(wholeError) == bool(piecesError), "framer error depends on how the bytes are split");

    qsizetype offset = 0;
    for (qsizetype i = 0; i < qMin(whole.size(), MaximumDecodedPackets); ++i) {
        // A copy of exactly the packet, so that ASan catches the codec reading past its end.
        const QByteArray bytes = input.mid(offset, whole[i]);
        offset += whole[i];
        roundTrip(bytes, ProtocolVersion::V311);
        roundTrip(bytes, ProtocolVersion::V5);
    }
    return 0;
}
