// SPDX-License-Identifier: GPL-3.0-or-later
#include "explorer/payloadpreview.h"

#include "explorer/payloadformat.h"

#include <QCoreApplication>
#include <QLocale>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope::Payload {

namespace {
constexpr int HexPreviewBytes = 16;
}

QString formatSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

QString preview(QByteArrayView payload, int maxChars)
{
    if (payload.isEmpty())
        return {};
    const PayloadFormat image = imageFormat(payload);
    if (image != PayloadFormat::Binary) {
        return QCoreApplication::translate("PayloadPreview", "[%1, %2]")
            .arg(formatName(image), formatSize(payload.size()));
    }

    // A UTF-8 character takes at most four bytes.
    const QByteArrayView head = payload.first(qMin(payload.size(), qsizetype(maxChars) * 4));
    if (looksLikeText(head, head.size() < payload.size())) {
        QString text = QString::fromUtf8(head);
        for (QChar &c : text) {
            if (c == u'\n' || c == u'\r' || c == u'\t')
                c = u' ';
        }
        text = text.simplified();
        if (text.size() > maxChars || head.size() < payload.size()) {
            text.truncate(maxChars - 1);
            text += u'\u2026';
        }
        return text;
    }

    const QByteArrayView first = payload.first(qMin(payload.size(), qsizetype(HexPreviewBytes)));
    QString hex = QString::fromLatin1(first.toByteArray().toHex(' '));
    if (first.size() < payload.size())
        hex += u" \u2026"_s;
    return QCoreApplication::translate("PayloadPreview", "%1 (%2 binary)")
        .arg(hex, formatSize(payload.size()));
}

} // namespace mqttscope::Payload
