// SPDX-License-Identifier: GPL-3.0-or-later
#include "topiccompleter.h"

namespace mqttscope {

TopicCompleter::TopicCompleter(QObject *parent)
    : QCompleter(parent)
{
    setCaseSensitivity(Qt::CaseSensitive); // topics are case sensitive [MQTT-4.7.3-4]
    setCompletionRole(Qt::DisplayRole);
}

QStringList TopicCompleter::splitPath(const QString &path) const
{
    // Keep empty levels ("a//b" and a leading "/" are distinct topics).
    return path.split(u'/');
}

QString TopicCompleter::pathFromIndex(const QModelIndex &index) const
{
    QStringList levels;
    for (QModelIndex i = index; i.isValid(); i = i.parent())
        levels.prepend(i.siblingAtColumn(0).data(completionRole()).toString());
    return levels.join(u'/');
}

} // namespace mqttscope
