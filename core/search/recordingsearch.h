// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace mqttscope {

class SearchMatcher;
class SearchSink;
struct SearchControl;

// Searches a recording file where it lies. SQL does what it does fastest: the time range, the
// topics (a file's topics table is matched against the filter once, in C++), the substrings
// every match must contain (instr(), for the payload text and the JSON predicate's keys) and
// "has properties"; the rest (expression, JSON predicate, properties) is checked in C++ on the
// rows SQL lets through. When the topic filter leaves a small part of the file, the messages
// are read topic by topic through the (topic_id, time_us) index; otherwise the table is walked
// in id ranges. Either way the sink gets matches in file order.
namespace RecordingSearch {

// Returns why the file could not be searched, or an empty string.
QString run(const QString &path, const SearchMatcher &matcher, SearchSink &sink,
            SearchControl &control);

} // namespace RecordingSearch
} // namespace mqttscope
