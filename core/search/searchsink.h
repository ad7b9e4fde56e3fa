// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace mqttscope {

struct Properties;
struct SearchResult;

// A message a search found, lent to the sink for the duration of the call.
struct FoundMessage
{
    qint64 key = 0; // row id or history sequence
    qint64 timeUs = 0;
    QByteArrayView topic;
    const QByteArray &payload;
    quint8 qos = 0;
    bool retain = false;
    bool dup = false;
    const Properties &properties;
    // The payload as the connection's decoder read it (JSON), for a sink that wantsDecoded();
    // empty when its topic is not decoded.
    QByteArrayView decoded = {};
};

// Where a search's matches go, in order of arrival: a results list, or a file being exported.
// Called on the search's thread.
class SearchSink
{
public:
    virtual ~SearchSink() = default;
    // Whether add() needs the MQTT 5 properties (reading them from a recording costs a parse).
    virtual bool wantsProperties() const { return true; }
    // Whether add() would show the decoded payload (decoding a match again costs its decode).
    virtual bool wantsDecoded() const { return false; }
    virtual void add(const FoundMessage &message) = 0;
    // Fills in what the sink has to report when the search ends.
    virtual void finish(SearchResult &result) = 0;
};

} // namespace mqttscope
