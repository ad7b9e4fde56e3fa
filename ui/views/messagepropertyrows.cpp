// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/messagepropertyrows.h"

#include <QCoreApplication>
#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

QList<PropertyRow> messagePropertyRows(const Properties &properties)
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("MessagePropertyRows", text);
    };
    QList<PropertyRow> rows;
    if (properties.contentType)
        rows.append({propertyName(PropertyId::ContentType), *properties.contentType});
    if (properties.payloadFormatIndicator) {
        const quint8 indicator = *properties.payloadFormatIndicator;
        const QString meaning = indicator == 1 ? tr("UTF-8 text")
            : indicator == 0                   ? tr("unspecified bytes")
                                               : tr("invalid");
        rows.append({propertyName(PropertyId::PayloadFormatIndicator),
                     u"%1 (%2)"_s.arg(indicator).arg(meaning)});
    }
    if (properties.messageExpiryInterval)
        rows.append({propertyName(PropertyId::MessageExpiryInterval),
                     tr("%1 s").arg(*properties.messageExpiryInterval)});
    if (properties.responseTopic)
        rows.append({propertyName(PropertyId::ResponseTopic), *properties.responseTopic});
    if (properties.correlationData) {
        const QByteArray &data = *properties.correlationData;
        // Text when it reads as text, hex otherwise: correlation data is binary by definition.
        const bool printable = QByteArrayView(data).isValidUtf8()
            && std::none_of(data.begin(), data.end(),
                            [](char c) { return static_cast<unsigned char>(c) < 0x20; });
        rows.append({propertyName(PropertyId::CorrelationData),
                     printable ? QString::fromUtf8(data) : QString::fromLatin1(data.toHex(' '))});
    }
    if (!properties.subscriptionIdentifiers.isEmpty()) {
        QStringList ids;
        for (const quint32 id : properties.subscriptionIdentifiers)
            ids.append(QString::number(id));
        rows.append({propertyName(PropertyId::SubscriptionIdentifier), ids.join(u", "_s)});
    }
    if (properties.topicAlias)
        rows.append(
            {propertyName(PropertyId::TopicAlias), QString::number(*properties.topicAlias)});
    for (const UserProperty &user : properties.userProperties)
        rows.append({propertyName(PropertyId::UserProperty), user.first + u" = "_s + user.second});
    return rows;
}

} // namespace mqttscope
