// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/valueextractor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

namespace {

std::optional<double> finite(double value)
{
    return std::isfinite(value) ? std::optional<double>(value) : std::nullopt;
}

std::optional<double> numberFromText(const QByteArray &text)
{
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    return ok ? finite(value) : std::nullopt;
}

std::optional<QJsonValue> parseJson(const QByteArray &payload)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(payload, &error);
    if (error.error != QJsonParseError::NoError)
        return std::nullopt;
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}

std::optional<double> numberOf(const QJsonValue &value)
{
    if (value.isDouble())
        return finite(value.toDouble());
    if (value.isBool())
        return value.toBool() ? 1.0 : 0.0;
    if (value.isString())
        return numberFromText(value.toString().toUtf8());
    return std::nullopt;
}

QStringList pathSegments(QString path)
{
    if (path.startsWith(u"$."_s))
        path.remove(0, 2);
    path.replace(u'[', u'.');
    path.remove(u']');
    return path.split(u'.', Qt::SkipEmptyParts);
}

void collectNumericPaths(const QJsonValue &value, const QString &path, int limit,
                         QStringList *paths)
{
    if (paths->size() >= limit)
        return;
    const auto join = [&path](const QString &segment) {
        return path.isEmpty() ? segment : path + u'.' + segment;
    };
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            collectNumericPaths(it.value(), join(it.key()), limit, paths);
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            collectNumericPaths(array.at(i), join(QString::number(i)), limit, paths);
    } else if (!value.isString() && numberOf(value) && !path.isEmpty()) {
        paths->append(path);
    }
}

} // namespace

std::optional<double> extractValue(const QByteArray &payload, const QString &jsonPath)
{
    const QStringList segments = pathSegments(jsonPath);
    if (segments.isEmpty())
        return numberFromText(payload);
    std::optional<QJsonValue> value = parseJson(payload);
    if (!value)
        return std::nullopt;
    for (const QString &segment : segments) {
        if (value->isObject()) {
            const QJsonObject object = value->toObject();
            if (!object.contains(segment))
                return std::nullopt;
            value = object.value(segment);
        } else if (value->isArray()) {
            bool ok = false;
            const qsizetype index = segment.toLongLong(&ok);
            const QJsonArray array = value->toArray();
            if (!ok || index < 0 || index >= array.size())
                return std::nullopt;
            value = array.at(index);
        } else {
            return std::nullopt;
        }
    }
    return numberOf(*value);
}

QStringList numericJsonPaths(const QByteArray &payload, int limit)
{
    QStringList paths;
    if (const std::optional<QJsonValue> value = parseJson(payload))
        collectNumericPaths(*value, {}, limit, &paths);
    return paths;
}

} // namespace mqttscope
