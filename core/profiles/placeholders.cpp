// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiles/placeholders.h"

#include <QRandomGenerator>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

PlaceholderSources PlaceholderSources::system()
{
    return {
        [] { return QDateTime::currentDateTimeUtc(); }, [] { return QUuid::createUuid(); },
        [](qint64 low, qint64 high) { return QRandomGenerator::global()->bounded(low, high + 1); }};
}

namespace Placeholders {

namespace {

const QRegularExpression &placeholderPattern()
{
    static const QRegularExpression pattern(
        uR"(\{\{(timestamp|timestamp_ms|uuid|counter|random:(-?\d{1,18})-(-?\d{1,18}))\}\})"_s);
    return pattern;
}

// The value of one match, or nullopt to leave it as written.
std::optional<QString> valueOf(const QRegularExpressionMatch &match, quint64 counter,
                               const QDateTime &now, const PlaceholderSources &sources)
{
    const QString name = match.captured(1);
    if (name == "timestamp"_L1)
        return now.toUTC().toString(Qt::ISODateWithMs);
    if (name == "timestamp_ms"_L1)
        return QString::number(now.toMSecsSinceEpoch());
    if (name == "uuid"_L1)
        return sources.uuid().toString(QUuid::WithoutBraces);
    if (name == "counter"_L1)
        return QString::number(counter);
    const qint64 low = match.captured(2).toLongLong();
    const qint64 high = match.captured(3).toLongLong();
    if (low > high)
        return std::nullopt;
    return QString::number(sources.random(low, high));
}

} // namespace

QString expand(const QString &text, quint64 counter, const PlaceholderSources &sources)
{
    if (!text.contains("{{"_L1))
        return text;
    const QDateTime now = sources.now();
    QString result;
    qsizetype done = 0;
    auto matches = placeholderPattern().globalMatch(text);
    while (matches.hasNext()) {
        const QRegularExpressionMatch match = matches.next();
        result += QStringView(text).mid(done, match.capturedStart() - done);
        result += valueOf(match, counter, now, sources).value_or(match.captured());
        done = match.capturedEnd();
    }
    result += QStringView(text).mid(done);
    return result;
}

QByteArray expand(const QByteArray &text, quint64 counter, const PlaceholderSources &sources)
{
    // Binary payloads stay byte for byte: only valid UTF-8 is read as text.
    if (!contains(text))
        return text;
    const QString decoded = QString::fromUtf8(text);
    if (decoded.toUtf8() != text)
        return text;
    return expand(decoded, counter, sources).toUtf8();
}

bool contains(const QByteArray &text)
{
    return text.contains("{{");
}

} // namespace Placeholders
} // namespace mqttscope
