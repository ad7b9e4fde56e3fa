// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/outboundtopicaliases.h"

namespace mqttscope {

void OutboundTopicAliases::reset(quint16 maximum)
{
    m_aliases.clear();
    m_maximum = maximum;
}

OutboundTopicAliases::Choice OutboundTopicAliases::choose(const QByteArray &topic) const
{
    if (m_maximum == 0)
        return {};
    if (const auto it = m_aliases.constFind(topic); it != m_aliases.cend())
        return {it.value(), true};
    if (m_aliases.size() < m_maximum)
        return {quint16(m_aliases.size() + 1), false};
    return {};
}

void OutboundTopicAliases::remember(const QByteArray &topic, quint16 alias)
{
    m_aliases.insert(topic, alias);
}

} // namespace mqttscope
