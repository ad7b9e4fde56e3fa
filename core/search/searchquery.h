// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

#include <optional>

namespace mqttscope {

// What a search looks for; every part that is set must hold (AND). Empty parts are ignored, so
// a default query matches every message.
struct SearchQuery
{
    enum class PayloadMode {
        Substring, // the payload bytes contain the UTF-8 text, case sensitive
        RegularExpression, // the payload, read as UTF-8, matches (QRegularExpression syntax)
    };

    QString topicFilter; // an MQTT topic filter with '+' and '#'; empty: every topic
    QString payloadText;
    PayloadMode payloadMode = PayloadMode::Substring;
    QString jsonPredicate; // JsonPredicate syntax: `battery < 20 and status == "error"`
    // MQTT 5 properties.
    QString userPropertyName; // a user property with this name...
    std::optional<QString> userPropertyValue; // ...and, when set, this value
    QString contentType; // equal, case sensitive
    QString correlationData; // the correlation data bytes contain this UTF-8 text
    // Receive time, microseconds since the epoch, both ends included.
    std::optional<qint64> fromUs;
    std::optional<qint64> toUs;

    friend bool operator==(const SearchQuery &, const SearchQuery &) = default;
};

} // namespace mqttscope

Q_DECLARE_METATYPE(mqttscope::SearchQuery)
