// SPDX-License-Identifier: GPL-3.0-or-later
#include "decode/formatrule.h"

#include "protocol/topic.h"

#include <QCoreApplication>

namespace mqttscope {

std::optional<FormatRule> FormatRule::fromArgument(QStringView argument, QString *error)
{
    const auto fail = [error](const QString &text) -> std::optional<FormatRule> {
        if (error)
            *error = text;
        return std::nullopt;
    };
    // The filter may hold ':' but not '=', the format names no '=': split at the last '='.
    const qsizetype equals = argument.lastIndexOf(u'=');
    if (equals <= 0)
        return fail(QCoreApplication::translate("FormatRule", "expected FILTER=FORMAT[:TYPE]"));
    FormatRule rule;
    rule.topicFilter = argument.left(equals).toString();
    const QString filterProblem = Topic::filterProblem(rule.topicFilter.toUtf8());
    if (!filterProblem.isEmpty())
        return fail(filterProblem);
    QStringView format = argument.mid(equals + 1);
    const qsizetype colon = format.indexOf(u':');
    if (colon >= 0) {
        rule.messageType = format.mid(colon + 1).toString();
        format = format.left(colon);
    }
    const auto encoding = Encoding::fromKey(format);
    if (!encoding) {
        return fail(QCoreApplication::translate("FormatRule", "unknown format \"%1\"")
                        .arg(format.toString()));
    }
    rule.encoding = *encoding;
    if (rule.encoding == PayloadEncoding::Protobuf && rule.messageType.isEmpty()) {
        return fail(QCoreApplication::translate(
            "FormatRule", "protobuf needs a message type: FILTER=protobuf:TYPE"));
    }
    return rule;
}

QJsonObject FormatRule::toJson() const
{
    QJsonObject json{{QStringLiteral("filter"), topicFilter},
                     {QStringLiteral("format"), Encoding::key(encoding)}};
    if (!messageType.isEmpty())
        json.insert(QStringLiteral("messageType"), messageType);
    return json;
}

std::optional<FormatRule> FormatRule::fromJson(const QJsonObject &json)
{
    const auto encoding = Encoding::fromKey(json.value(QStringLiteral("format")).toString());
    const QString filter = json.value(QStringLiteral("filter")).toString();
    if (!encoding || filter.isEmpty())
        return std::nullopt;
    return FormatRule{filter, *encoding, json.value(QStringLiteral("messageType")).toString()};
}

} // namespace mqttscope
