// SPDX-License-Identifier: GPL-3.0-or-later
#include "decode/formatrule.h"

#include "protocol/topic.h"

#include <QCoreApplication>

namespace mqttscope {

namespace {

QString translate(const char *text)
{
    return QCoreApplication::translate("FormatRule", text);
}

// The filter must be one an MQTT subscription could use; a rule that can never match is a typo.
std::optional<FormatRule> validated(FormatRule rule, QString *error)
{
    const QString problem = Topic::filterProblem(rule.topicFilter.toUtf8());
    if (!problem.isEmpty()) {
        if (error)
            *error = translate("topic filter \"%1\": %2").arg(rule.topicFilter, problem);
        return std::nullopt;
    }
    if (rule.encoding == PayloadEncoding::Protobuf && rule.messageType.isEmpty()) {
        if (error)
            *error = translate("protobuf needs a message type: %1=protobuf:package.Message")
                         .arg(rule.topicFilter);
        return std::nullopt;
    }
    return rule;
}

} // namespace

std::optional<FormatRule> FormatRule::fromArgument(QStringView argument, QString *error)
{
    const qsizetype equals = argument.lastIndexOf(u'=');
    if (equals <= 0) {
        if (error)
            *error = translate("expected FILTER=FORMAT[:TYPE], got \"%1\"").arg(argument);
        return std::nullopt;
    }
    std::optional<FormatRule> rule = formatFromArgument(argument.mid(equals + 1), error);
    if (!rule)
        return std::nullopt;
    rule->topicFilter = argument.left(equals).toString();
    return validated(std::move(*rule), error);
}

std::optional<FormatRule> FormatRule::formatFromArgument(QStringView format, QString *error)
{
    FormatRule rule;
    const qsizetype colon = format.indexOf(u':');
    if (colon >= 0) {
        rule.messageType = format.mid(colon + 1).toString();
        format = format.left(colon);
    }
    const std::optional<PayloadEncoding> encoding = Encoding::fromKey(format);
    if (!encoding) {
        if (error)
            *error = translate("unknown format \"%1\" (auto, text, json, hex, base64, cbor, image, "
                               "sparkplug, protobuf, msgpack)")
                         .arg(format);
        return std::nullopt;
    }
    rule.encoding = *encoding;
    return rule;
}

QJsonObject FormatRule::toJson() const
{
    QJsonObject json{{QStringLiteral("topicFilter"), topicFilter},
                     {QStringLiteral("format"), Encoding::key(encoding)}};
    if (!messageType.isEmpty())
        json.insert(QStringLiteral("messageType"), messageType);
    return json;
}

std::optional<FormatRule> FormatRule::fromJson(const QJsonObject &json)
{
    const std::optional<PayloadEncoding> encoding =
        Encoding::fromKey(json.value(QStringLiteral("format")).toString());
    const QString filter = json.value(QStringLiteral("topicFilter")).toString();
    if (!encoding || filter.isEmpty())
        return std::nullopt;
    return FormatRule{filter, *encoding, json.value(QStringLiteral("messageType")).toString()};
}

} // namespace mqttscope
