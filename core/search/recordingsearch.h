// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <memory>

namespace mqttscope {

class PayloadDecoder;
class SearchMatcher;
class SearchSink;
struct SearchControl;

// Searches a recording file where it lies. SQL does what it does fastest: the time range, the
// topics (a file's topics table is matched against the filter once, in C++), the substrings
// every match must contain (instr(), for the payload text and the JSON predicate's keys) and
// "has properties"; the rest (expression, JSON predicate, properties) is checked in C++ on the
// rows SQL lets through. When the topic filter leaves a small part of the file, the messages
// are read topic by topic through the (topic_id, time_us) index; otherwise the table is walked
// in id ranges. Either way the sink gets matches in file order. With a decoder (the recording
// tab's), the payloads of the topics it decodes are matched as their JSON (RecordedPayloadText),
// in C++ only; null, or no topic searched decoded: the bytes, as above.
namespace RecordingSearch {

// Returns why the file could not be searched, or an empty string.
QString run(const QString &path, const SearchMatcher &matcher, SearchSink &sink,
            SearchControl &control, std::shared_ptr<const PayloadDecoder> decoder = {});

} // namespace RecordingSearch
} // namespace mqttscope
