// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCryptographicHash>
#include <QList>
#include <QString>

#include <algorithm>
#include <cstring>

namespace mqttscope::test {

// The payload sizes of issue 8, shared by the transport and the GUI tests so that both cover the
// same ones: nothing, one byte, both sides of each step of the remaining length's variable byte
// integer (1 to 4 bytes, MQTT 5.0 §1.5.5, 3.1.1 §2.2.3; the packet's header adds a few bytes),
// 1 MiB (issue 8's message) and 16 MiB.
inline const QList<qsizetype> payloadSizes{
    0, 1, 127, 128, 16383, 16384, 2097151, 2097152, qsizetype(1) << 20, qsizetype(16) << 20,
};
inline constexpr qsizetype largestPayloadSize = qsizetype(16) << 20;

// `size` bytes of splitmix64 output seeded by the size: deterministic, incompressible and
// different at every offset and in every size, so a dropped, repeated or shifted chunk, a cut
// and a mix-up of two messages all change the hash.
inline QByteArray payloadPattern(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    quint64 state = 0x6d71747473636f70ull ^ quint64(size);
    for (qsizetype offset = 0; offset < size; offset += 8) {
        state += 0x9e3779b97f4a7c15ull;
        quint64 z = state;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        z ^= z >> 31;
        std::memcpy(bytes.data() + offset, &z, size_t(std::min<qsizetype>(8, size - offset)));
    }
    return bytes;
}

inline QByteArray sha256(QByteArrayView bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

// Empty when `arrived` has the size and SHA-256 of `sent`; otherwise both, and where they
// first differ, which tells a cut from a shift or a mix-up.
inline QString payloadMismatch(QByteArrayView sent, QByteArrayView arrived)
{
    if (arrived.size() == sent.size() && sha256(arrived) == sha256(sent))
        return {};
    const qsizetype common = std::min(sent.size(), arrived.size());
    qsizetype firstDifference = 0;
    while (firstDifference < common && sent[firstDifference] == arrived[firstDifference])
        ++firstDifference;
    return QStringLiteral("sent %1 bytes (sha256 %2), arrived %3 bytes (sha256 %4), first "
                          "difference at byte %5")
        .arg(sent.size())
        .arg(QString::fromLatin1(sha256(sent).toHex()))
        .arg(arrived.size())
        .arg(QString::fromLatin1(sha256(arrived).toHex()))
        .arg(firstDifference);
}

} // namespace mqttscope::test
