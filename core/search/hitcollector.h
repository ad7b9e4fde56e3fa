// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "search/searchresult.h"
#include "search/searchsink.h"

namespace mqttscope {

// Keeps the first `cap` matches for a results list and counts them all.
class HitCollector : public SearchSink
{
public:
    explicit HitCollector(int cap)
        : m_cap(cap)
    {
    }

    bool wantsProperties() const override { return false; }
    // For the preview, while the list has room.
    bool wantsDecoded() const override { return m_hits.size() < m_cap; }
    void add(const FoundMessage &message) override;
    void finish(SearchResult &result) override;

private:
    int m_cap;
    qint64 m_total = 0;
    QList<SearchHit> m_hits;
};

} // namespace mqttscope
