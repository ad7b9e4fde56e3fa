// SPDX-License-Identifier: GPL-3.0-or-later
#include "search/hitcollector.h"

namespace mqttscope {

void HitCollector::add(const FoundMessage &message)
{
    ++m_total;
    if (m_hits.size() >= m_cap)
        return;
    m_hits.append({message.key, message.timeUs, message.topic.toByteArray(),
                   message.payload.left(SearchHit::PreviewBytes), message.payload.size(),
                   message.qos, message.retain});
}

void HitCollector::finish(SearchResult &result)
{
    result.hits = std::move(m_hits);
    result.total = m_total;
}

} // namespace mqttscope
