// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/utf8.h"

#include "protocol/codec.h"

#include <QCoreApplication>

#include <cstring>

namespace mqttscope {

namespace {

constexpr quint64 HighBits = 0x8080808080808080ull;
constexpr quint64 LowBits = 0x0101010101010101ull;

// True when none of the eight bytes has its high bit set and none is zero.
bool isAsciiWithoutNul(quint64 word)
{
    const quint64 hasZeroByte = (word - LowBits) & ~word & HighBits;
    return ((word & HighBits) | hasZeroByte) == 0;
}

bool isContinuation(quint8 byte)
{
    return (byte & 0xC0) == 0x80;
}

} // namespace

// Follows Unicode's table of well-formed byte sequences (Unicode 15, table 3-7), reporting
// overlong forms and surrogates separately so that error messages can name them.
Utf8Check checkMqttUtf8(QByteArrayView bytes)
{
    const auto *data = reinterpret_cast<const quint8 *>(bytes.data());
    const qsizetype size = bytes.size();
    qsizetype i = 0;
    while (i < size) {
        if (size - i >= 8) {
            quint64 word;
            std::memcpy(&word, data + i, sizeof word);
            if (isAsciiWithoutNul(word)) {
                i += 8;
                continue;
            }
        }
        const quint8 lead = data[i];
        if (lead < 0x80) {
            if (lead == 0)
                return Utf8Check::NullCharacter;
            ++i;
            continue;
        }
        int length;
        quint8 secondMin = 0x80;
        quint8 secondMax = 0xBF;
        if (lead < 0xC2) {
            if (lead >= 0xC0)
                return Utf8Check::Overlong; // C0, C1 only encode U+0000..U+007F
            return Utf8Check::IllFormed; // stray continuation byte
        } else if (lead < 0xE0) {
            length = 2;
        } else if (lead < 0xF0) {
            length = 3;
            if (lead == 0xE0)
                secondMin = 0xA0;
        } else if (lead < 0xF5) {
            length = 4;
            if (lead == 0xF0)
                secondMin = 0x90;
            else if (lead == 0xF4)
                secondMax = 0x8F;
        } else {
            return Utf8Check::IllFormed;
        }
        if (size - i < length)
            return Utf8Check::IllFormed;
        const quint8 second = data[i + 1];
        if (!isContinuation(second))
            return Utf8Check::IllFormed;
        if (second < secondMin)
            return Utf8Check::Overlong;
        if (second > secondMax)
            return Utf8Check::IllFormed; // beyond U+10FFFF
        if (lead == 0xED && second >= 0xA0)
            return Utf8Check::Surrogate;
        for (int k = 2; k < length; ++k) {
            if (!isContinuation(data[i + k]))
                return Utf8Check::IllFormed;
        }
        i += length;
    }
    return Utf8Check::Valid;
}

QString utf8Problem(QByteArrayView bytes)
{
    switch (checkMqttUtf8(bytes)) {
    case Utf8Check::Valid:
        return {};
    case Utf8Check::IllFormed:
        return QCoreApplication::translate("mqttscope::Utf8", "ill-formed UTF-8");
    case Utf8Check::Overlong:
        return QCoreApplication::translate("mqttscope::Utf8", "overlong UTF-8 encoding");
    case Utf8Check::Surrogate:
        return QCoreApplication::translate("mqttscope::Utf8", "encoded surrogate (U+D800..U+DFFF)");
    case Utf8Check::NullCharacter:
        return QCoreApplication::translate("mqttscope::Utf8", "contains U+0000");
    }
    return {};
}

} // namespace mqttscope
