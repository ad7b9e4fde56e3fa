// SPDX-License-Identifier: GPL-3.0-or-later
#include "client/versionmemory.h"

#include <QHash>
#include <QMutex>
#include <QMutexLocker>

namespace mqttscope {

namespace {

QString keyOf(const Endpoint &endpoint)
{
    return QString::number(int(endpoint.kind)) + u' ' + endpoint.host.toLower() + u':'
        + QString::number(endpoint.port);
}

struct Memory
{
    QMutex mutex;
    QHash<QString, ProtocolVersion> versions;
};

Memory &memory()
{
    static Memory instance;
    return instance;
}

} // namespace

std::optional<ProtocolVersion> VersionMemory::recall(const Endpoint &endpoint)
{
    Memory &m = memory();
    QMutexLocker lock(&m.mutex);
    const auto it = m.versions.constFind(keyOf(endpoint));
    if (it == m.versions.cend())
        return std::nullopt;
    return *it;
}

void VersionMemory::remember(const Endpoint &endpoint, ProtocolVersion version)
{
    Memory &m = memory();
    QMutexLocker lock(&m.mutex);
    m.versions.insert(keyOf(endpoint), version);
}

void VersionMemory::forget(const Endpoint &endpoint)
{
    Memory &m = memory();
    QMutexLocker lock(&m.mutex);
    m.versions.remove(keyOf(endpoint));
}

} // namespace mqttscope
