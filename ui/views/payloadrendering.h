// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Pure functions that turn payload bytes into text for a human. None of them changes the bytes;
// each is testable without widgets and shared by the payload view and the diff view.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace mqttscope {

// UTF-8 text in which every byte that is not part of a valid UTF-8 sequence (overlong forms,
// surrogates and code points above U+10FFFF count as invalid) appears as the four characters
// `\xNN`; invalidMarkers holds the position in `text` of each such marker, ascending.
struct MarkedText
{
    QString text;
    QList<qsizetype> invalidMarkers;
    static constexpr qsizetype markerLength = 4;
};

MarkedText decodeUtf8Marked(const QByteArray &bytes);
// The JSON re-indented with `indent` spaces, keeping key order and number literals exactly as
// written; nullopt with *error set when the bytes are not a JSON object or array. With
// maxChars >= 0 only the first maxChars characters are made (the whole is still validated).
std::optional<QString> prettyJson(const QByteArray &bytes, QString *error = nullptr, int indent = 2,
                                  qsizetype maxChars = -1);

// Diagnostic notation (RFC 8949 section 8) of every item in the bytes, one after another; nullopt
// with *error (what went wrong and at which offset) when the bytes are not CBOR.
std::optional<QString> cborDiagnostic(const QByteArray &bytes, QString *error = nullptr);

// Base64 in lines of 76 characters (as MIME writes it), so that big payloads stay readable.
QString base64Lines(const QByteArray &bytes);

// One row of a hex dump, 16 bytes a row as `hexdump -C` lays it out:
//   offset "00000010", hex "48 65 6c 6c 6f 20 57 6f  72 6c 64 0a" (padded to full width),
//   ascii "Hello World." (non-printable bytes as '.').
struct HexDumpRow
{
    QString offset;
    QString hex;
    QString ascii;
    QString line() const; // "00000010  48 65 ...  |Hello World.|"
};
constexpr qsizetype hexDumpBytesPerRow = 16;
qsizetype hexDumpRowCount(qsizetype byteCount);
HexDumpRow hexDumpRow(const QByteArray &bytes, qsizetype row);

} // namespace mqttscope
