// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "replay/replaysource.h"

namespace mqttscope {

// Messages held in memory (e.g. the kept history of a subtree), replayed in the order given.
class MessageListSource : public ReplaySource
{
public:
    explicit MessageListSource(QList<RecordedMessage> messages);

    QList<RecordedMessage> read(int limit) override;
    qint64 messageCount() const override { return m_messages.size(); }
    qint64 lastTimeUs() const override;

private:
    QList<RecordedMessage> m_messages;
    qsizetype m_next = 0;
};

} // namespace mqttscope
