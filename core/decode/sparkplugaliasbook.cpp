// SPDX-License-Identifier: GPL-3.0-or-later
#include "decode/sparkplugaliasbook.h"

#include "decode/sparkplugtopic.h"

namespace mqttscope {

void SparkplugAliasBook::add(const SparkplugBirth &birth)
{
    QString key = birth.group + u'/' + birth.edgeNode;
    if (!birth.device.isEmpty())
        key += u'/' + birth.device;
    QList<Entry> &entries = m_births[key];
    entries.append({birth.receivedMsecs, birth.aliases});
    if (entries.size() > KeptBirths)
        entries.removeFirst();
}

const SparkplugAliasBook::Entry *SparkplugAliasBook::lastBefore(const QString &key,
                                                                qint64 receivedMsecs) const
{
    const auto found = m_births.constFind(key);
    if (found == m_births.cend())
        return nullptr;
    for (auto it = found->crbegin(); it != found->crend(); ++it) {
        if (it->receivedMsecs <= receivedMsecs)
            return &*it;
    }
    return nullptr;
}

QHash<quint64, QString> SparkplugAliasBook::aliasesFor(QByteArrayView topic,
                                                       qint64 receivedMsecs) const
{
    const auto name = Sparkplug::TopicName::parse(topic);
    if (!name || name->type == Sparkplug::MessageType::State)
        return {};
    const QString nodeKey = name->group + u'/' + name->edgeNode;
    const Entry *node = lastBefore(nodeKey, receivedMsecs);
    QHash<quint64, QString> aliases = node ? node->aliases : QHash<quint64, QString>();
    if (!name->isDeviceMessage())
        return aliases;
    // An NBIRTH forgets its devices' aliases until their DBIRTH comes again.
    const Entry *device = lastBefore(nodeKey + u'/' + name->device, receivedMsecs);
    if (device && (!node || device->receivedMsecs >= node->receivedMsecs))
        aliases.insert(device->aliases);
    return aliases;
}

} // namespace mqttscope
