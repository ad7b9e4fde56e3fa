// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "decode/formatrule.h"

#include <QMenu>

namespace mqttscope {

class ProtobufSchemas;

// The topic menu's "Decode topics like this as…": one entry per format (Protobuf with a level
// for the message types the connection's .proto files define), each offering the filters the
// topic suggests. Choosing one hands the rule on; the tab puts it first in its profile.
class DecodeAsMenu : public QMenu
{
    Q_OBJECT
public:
    // `schemas` may be null (no .proto files): Protobuf then says where to add them.
    DecodeAsMenu(const QByteArray &topic, bool hasChildren, const ProtobufSchemas *schemas,
                 QWidget *parent = nullptr);

    // The topic itself; with children, its subtree; then its level ("a/b/+"), its last level
    // under each of its parent's siblings ("a/+/c") and its parent's subtree ("a/b/#"). In that
    // order, without repeats.
    static QStringList suggestedFilters(const QString &topic, bool hasChildren);

signals:
    void ruleChosen(const mqttscope::FormatRule &rule);

private:
    void addFilterChoices(QMenu *menu, PayloadEncoding encoding, const QString &messageType);
    void addProtobufMenu(const ProtobufSchemas *schemas);

    QStringList m_filters;
};

} // namespace mqttscope
