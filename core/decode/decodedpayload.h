// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace mqttscope {

// A payload read through a schema: compact UTF-8 JSON text (an object or array) that the JSON
// views, plots, search and export read as if the device had sent JSON. The raw bytes stay
// with the message; a failure says what and where, so that the view can show it over the hex.
struct DecodedPayload
{
    enum class Status {
        NotDecoded, // no schema applies: the payload is shown by its own bytes
        Decoded,
        Failed,
    };
    Status status = Status::NotDecoded;
    QByteArray json;
    QString error; // translated, e.g. "field 3: length 200 runs past the end"
    qsizetype errorOffset = -1; // byte offset in the payload where decoding stopped, if known

    bool decoded() const { return status == Status::Decoded; }
    static DecodedPayload failure(QString error, qsizetype offset = -1)
    {
        return {Status::Failed, {}, std::move(error), offset};
    }
};

} // namespace mqttscope
