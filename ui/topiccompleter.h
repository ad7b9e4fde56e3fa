// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCompleter>

namespace mqttscope {

// Completes topic names level by level from a tree model whose rows are topic levels (the
// topic tree): "sensors/" offers the children of "sensors".
class TopicCompleter : public QCompleter
{
    Q_OBJECT
public:
    explicit TopicCompleter(QObject *parent = nullptr);

    QStringList splitPath(const QString &path) const override;
    QString pathFromIndex(const QModelIndex &index) const override;
};

} // namespace mqttscope
