// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

namespace mqttscope {

// One message a search found, as a results list shows it; the payload only as a preview, so
// that ten thousand hits of 1 MiB payloads stay small.
struct SearchHit
{
    static constexpr int PreviewBytes = 256;

    qint64 key = 0; // a recording's row id, or the live history's sequence: order of arrival
    qint64 timeUs = 0; // receive time, microseconds since the epoch
    QByteArray topic;
    QByteArray payloadPreview; // the first PreviewBytes bytes
    qint64 payloadSize = 0;
    quint8 qos = 0;
    bool retain = false;
};

struct SearchResult
{
    QList<SearchHit> hits; // in order of arrival, at most the cap asked for
    qint64 total = 0; // every match, also those beyond the cap
    bool cancelled = false; // stopped early: `total` counts what was searched until then
    QString error; // the source could not be read (the hits so far are kept)
};

} // namespace mqttscope

Q_DECLARE_METATYPE(mqttscope::SearchResult)
