// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QString>

namespace mqttscope::Payload {

// A one-line summary of a payload for a table cell: the start of its text with line breaks and
// tabs shown as spaces, an image's kind and size, or the first bytes of binary in hex. Looks at
// the first bytes only, so it is cheap enough for every repaint; the payload is not altered.
QString preview(QByteArrayView payload, int maxChars = 80);

// "512 B", "1.5 KiB", "3.2 MiB".
QString formatSize(qint64 bytes);

} // namespace mqttscope::Payload
