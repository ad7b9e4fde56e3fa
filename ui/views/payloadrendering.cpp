// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/payloadrendering.h"

#include "explorer/jsonsyntax.h"

#include <QCborStreamReader>
#include <QCborValue>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

namespace {

// Length of the valid UTF-8 sequence starting at bytes[i], or 0 when bytes[i] cannot start one.
// Follows the table of well-formed sequences in Unicode section 3.9 (table 3-7).
qsizetype validSequenceLength(const QByteArray &bytes, qsizetype i)
{
    const auto at = [&bytes](qsizetype k) { return static_cast<unsigned char>(bytes[k]); };
    const unsigned char lead = at(i);
    if (lead < 0x80)
        return 1;
    qsizetype length = 0;
    unsigned char low = 0x80, high = 0xBF; // allowed range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0)
            low = 0xA0; // no overlong forms
        else if (lead == 0xED)
            high = 0x9F; // no surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0)
            low = 0x90;
        else if (lead == 0xF4)
            high = 0x8F; // nothing above U+10FFFF
    } else {
        return 0;
    }
    if (i + length > bytes.size())
        return 0;
    if (at(i + 1) < low || at(i + 1) > high)
        return 0;
    for (qsizetype k = 2; k < length; ++k) {
        if (at(i + k) < 0x80 || at(i + k) > 0xBF)
            return 0;
    }
    return length;
}

// The whitespace JSON allows between tokens (RFC 8259 section 2).
bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The context lupdate files these strings under: the enclosing namespace (or class).
QString tr(const char *text)
{
    return QCoreApplication::translate("mqttscope", text);
}

} // namespace

MarkedText decodeUtf8Marked(const QByteArray &bytes)
{
    MarkedText result;
    result.text.reserve(bytes.size());
    qsizetype runStart = 0;
    qsizetype i = 0;
    const auto flushRun = [&] {
        if (i > runStart)
            result.text += QString::fromUtf8(bytes.constData() + runStart, i - runStart);
    };
    while (i < bytes.size()) {
        const qsizetype length = validSequenceLength(bytes, i);
        if (length > 0) {
            i += length;
            continue;
        }
        flushRun();
        result.invalidMarkers.append(result.text.size());
        result.text += u"\\x"_s
            + QString::number(static_cast<unsigned char>(bytes[i]), 16)
                  .rightJustified(2, u'0')
                  .toUpper();
        ++i;
        runStart = i;
    }
    flushRun();
    return result;
}

std::optional<QString> prettyJson(const QByteArray &bytes, QString *error, int indent,
                                  qsizetype maxChars)
{
    // Checked on the bytes; QJsonDocument (which building a document makes tens of times slower)
    // only says what is wrong. It is not used to print: it sorts object keys and rewrites numbers.
    if (!Json::isWellFormed(bytes)) {
        QJsonParseError parseError;
        QJsonDocument::fromJson(bytes, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            if (error)
                *error = tr("Not JSON: %1 at byte %2")
                             .arg(parseError.errorString())
                             .arg(parseError.offset);
            return std::nullopt;
        }
    }
    // Re-indented on the UTF-8 bytes: every character that structures JSON (and every escaped
    // one) is ASCII, so a string's other bytes are copied as they are; only the output, cut at
    // maxChars, becomes a QString.
    const qsizetype limit = maxChars < 0 ? std::numeric_limits<qsizetype>::max() : maxChars;
    QByteArray out;
    out.reserve(maxChars < 0 ? bytes.size() * 2 : qMin(bytes.size() * 2, maxChars + 256));
    int depth = 0;
    const auto newline = [&] {
        out += '\n';
        out.append(qsizetype(depth) * indent, ' ');
    };
    for (qsizetype i = 0; i < bytes.size() && out.size() < limit; ++i) {
        const char c = bytes[i];
        switch (c) {
        case '"': {
            const qsizetype start = i;
            for (++i; i < bytes.size() && bytes[i] != '"'; ++i) {
                if (bytes[i] == '\\')
                    ++i;
            }
            out += QByteArrayView(bytes).sliced(start, qMin(i + 1, bytes.size()) - start);
            break;
        }
        case '{':
        case '[': {
            // Keep empty containers on one line: `{}` and `[]`.
            qsizetype next = i + 1;
            while (next < bytes.size() && isJsonSpace(bytes[next]))
                ++next;
            if (next < bytes.size() && (bytes[next] == '}' || bytes[next] == ']')) {
                out += c;
                out += bytes[next];
                i = next;
                break;
            }
            out += c;
            ++depth;
            newline();
            break;
        }
        case '}':
        case ']':
            --depth;
            newline();
            out += c;
            break;
        case ',':
            out += c;
            newline();
            break;
        case ':':
            out += ": ";
            break;
        default:
            if (!isJsonSpace(c)) // whitespace between tokens is replaced by our own
                out += c;
        }
    }
    QString text = QString::fromUtf8(out);
    if (text.size() > limit)
        text.truncate(text[limit - 1].isHighSurrogate() ? limit - 1 : limit);
    return text;
}

std::optional<QString> cborDiagnostic(const QByteArray &bytes, QString *error)
{
    QCborStreamReader reader(bytes);
    QStringList items;
    while (reader.currentOffset() < bytes.size()) {
        const qint64 itemOffset = reader.currentOffset();
        const QCborValue value = QCborValue::fromCbor(reader);
        // A byte that starts no item (a stray "break") leaves the reader where it was.
        if (reader.lastError() == QCborError::NoError && reader.currentOffset() <= itemOffset) {
            if (error)
                *error = tr("Not CBOR: unexpected byte at %1").arg(itemOffset);
            return std::nullopt;
        }
        if (reader.lastError() != QCborError::NoError) {
            if (error)
                *error = tr("Not CBOR: %1 in the item at byte %2")
                             .arg(reader.lastError().toString())
                             .arg(itemOffset);
            return std::nullopt;
        }
        items.append(value.toDiagnosticNotation(QCborValue::LineWrapped));
    }
    if (items.isEmpty()) {
        if (error)
            *error = tr("Not CBOR: the payload is empty");
        return std::nullopt;
    }
    return items.join(u'\n');
}

QString base64Lines(const QByteArray &bytes)
{
    constexpr qsizetype lineLength = 76;
    const QByteArray encoded = bytes.toBase64();
    QString out;
    out.reserve(encoded.size() + encoded.size() / lineLength + 1);
    for (qsizetype i = 0; i < encoded.size(); i += lineLength) {
        if (i > 0)
            out += u'\n';
        out += QLatin1StringView(encoded.constData() + i, qMin(lineLength, encoded.size() - i));
    }
    return out;
}

qsizetype hexDumpRowCount(qsizetype byteCount)
{
    return (byteCount + hexDumpBytesPerRow - 1) / hexDumpBytesPerRow;
}

HexDumpRow hexDumpRow(const QByteArray &bytes, qsizetype row)
{
    static constexpr char digits[] = "0123456789abcdef";
    const qsizetype start = row * hexDumpBytesPerRow;
    const qsizetype end = qMin(start + hexDumpBytesPerRow, bytes.size());
    HexDumpRow result;
    result.offset = QString::number(start, 16).rightJustified(8, u'0');
    // Full width always (3 chars a byte, one extra space after the 8th) so that columns align.
    result.hex.reserve(hexDumpBytesPerRow * 3);
    for (qsizetype k = 0; k < hexDumpBytesPerRow; ++k) {
        if (k == 8)
            result.hex += u' ';
        if (k > 0)
            result.hex += u' ';
        if (start + k < end) {
            const auto byte = static_cast<unsigned char>(bytes[start + k]);
            result.hex += QLatin1Char(digits[byte >> 4]);
            result.hex += QLatin1Char(digits[byte & 0xF]);
        } else {
            result.hex += u"  "_s;
        }
    }
    for (qsizetype k = start; k < end; ++k) {
        const auto byte = static_cast<unsigned char>(bytes[k]);
        result.ascii += (byte >= 0x20 && byte < 0x7F) ? QLatin1Char(char(byte)) : QLatin1Char('.');
    }
    return result;
}

QString HexDumpRow::line() const
{
    return offset + u"  "_s + hex + u"  |"_s + ascii + u'|';
}

} // namespace mqttscope
