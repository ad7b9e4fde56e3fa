// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QString>

namespace mqttscope {

// What a payload most likely is, guessed from its bytes, for previews and for choosing the
// payload view's default. A guess only: the bytes are never changed, the user can switch.
enum class PayloadFormat {
    Empty,
    Number, // UTF-8 text that is one decimal number, e.g. "21.5"
    Json, // an object or array
    Text, // other valid UTF-8 without control characters (tab, CR and LF allowed)
    Cbor, // one well-formed CBOR map or array (may be self-described), nothing after it
    Png,
    Jpeg,
    Gif,
    Webp,
    Bmp,
    Binary,
};

namespace Payload {

PayloadFormat detectFormat(QByteArrayView payload);
// The image format from the magic bytes alone, or Binary when none matches. Cheap enough to
// call per repaint.
PayloadFormat imageFormat(QByteArrayView payload);
bool isImage(PayloadFormat format);
// Valid UTF-8 without control characters other than tab, CR and LF. An incomplete sequence
// at the very end is accepted when `prefixOnly` (the payload was cut to look at its start).
bool looksLikeText(QByteArrayView bytes, bool prefixOnly = false);
QString formatName(PayloadFormat format); // translated, e.g. "JSON", "PNG image"

} // namespace Payload
} // namespace mqttscope
