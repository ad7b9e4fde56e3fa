// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonmessagewriter.h"

#include "jsontext.h"

#include <cstdio>
#include <ctime>

namespace mqttscope::cli {

void JsonMessageWriter::appendUtcTime(qint64 msecsSinceEpoch, QByteArray &out)
{
    // Every message of one read carries the same receive time, and formatting it took more
    // than the rest of the line: the last text is kept (per thread, as callers may be several).
    thread_local qint64 lastMsecs = -1;
    thread_local char text[40];
    thread_local int length = 0;
    if (msecsSinceEpoch != lastMsecs) {
        const std::time_t seconds = std::time_t(msecsSinceEpoch / 1000);
        std::tm utc{};
        gmtime_r(&seconds, &utc);
        length = std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                               utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday, utc.tm_hour,
                               utc.tm_min, utc.tm_sec, int(msecsSinceEpoch % 1000));
        lastMsecs = msecsSinceEpoch;
    }
    out.append(text, length);
}

void JsonMessageWriter::append(const Message &message, qint64 receivedMsecsSinceEpoch,
                               QByteArray &out)
{
    out.append("{\"time\":\"");
    appendUtcTime(receivedMsecsSinceEpoch, out);
    out.append("\",\"topic\":");
    JsonText::appendString(out, message.topic);
    out.append(",\"qos\":").append(char('0' + message.qos));
    out.append(message.retain ? ",\"retain\":true" : ",\"retain\":false");
    out.append(message.dup ? ",\"dup\":true," : ",\"dup\":false,");
    JsonText::appendProperties(out, message.properties, JsonText::PropertyStyle::Lossless);
    out.append(',');
    JsonText::appendTextOrBase64(out, "payload", message.payload, "_base64");
    out.append('}');
}

} // namespace mqttscope::cli
