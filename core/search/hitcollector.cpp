// SPDX-License-Identifier: GPL-3.0-or-later
#include "search/hitcollector.h"

namespace mqttscope {

void HitCollector::add(const FoundMessage &message)
{
    ++m_total;
    if (m_hits.size() >= m_cap)
        return;
    // A decoded payload previews as what it decoded to; its size stays the bytes'.
    const QByteArrayView shown = message.decoded.isEmpty() ? message.payload : message.decoded;
    m_hits.append(
        {message.key, message.timeUs, message.topic.toByteArray(),
         shown.first(qMin(shown.size(), qsizetype(SearchHit::PreviewBytes))).toByteArray(),
         message.payload.size(), message.qos, message.retain});
}

void HitCollector::finish(SearchResult &result)
{
    result.hits = std::move(m_hits);
    result.total = m_total;
}

} // namespace mqttscope
