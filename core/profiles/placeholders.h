// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUuid>

#include <functional>

namespace mqttscope {

// Where the placeholders' values come from; the defaults are the clock, QUuid::createUuid() and
// QRandomGenerator::global(). Tests inject fixed ones.
struct PlaceholderSources
{
    std::function<QDateTime()> now;
    std::function<QUuid()> uuid;
    std::function<qint64(qint64 low, qint64 high)> random; // inclusive bounds
    static PlaceholderSources system();
};

// The placeholders of a saved message's topic and payload, expanded when it is sent:
//   {{timestamp}}     UTC, ISO 8601 with milliseconds: 2026-12-02T11:33:00.123Z
//   {{timestamp_ms}}  milliseconds since the epoch: 1796211180123
//   {{uuid}}          a fresh UUID without braces
//   {{counter}}       the message's send counter (1 on the first send)
//   {{random:1-100}}  an integer in the inclusive range (negative bounds allowed: -5-5)
// Anything else between braces, and a range whose low end is above its high end, is left as
// it stands. Every occurrence gets its own uuid and random value; all share one timestamp.
namespace Placeholders {

QByteArray expand(const QByteArray &text, quint64 counter, const PlaceholderSources &sources);
QString expand(const QString &text, quint64 counter, const PlaceholderSources &sources);
bool contains(const QByteArray &text);

} // namespace Placeholders
} // namespace mqttscope
