// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sparkplugnodelist.h"

#include "protocol/message.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace mqttscope {

class FieldMessage;

// Composes a Sparkplug B command: an NCMD to an edge node, or a DCMD to one of its devices, of
// one metric (name, datatype, value), offering the groups, edge nodes and devices the topic tree
// has seen. "Send rebirth" asks the edge node for its births again in one click.
class SparkplugCommandDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SparkplugCommandDialog(SparkplugNodeList nodes, QWidget *parent = nullptr);

    // The command the form describes, with its payload (and metric) timestamp `nowMs`; nullopt
    // after showing what is wrong.
    std::optional<Message> composeCommand(qint64 nowMs);
    // Fills in "Node Control/Rebirth", Boolean true for the chosen edge node (no device).
    void fillRebirth();

public slots:
    void send();
    void sendRebirth();

signals:
    void publishRequested(const mqttscope::Message &message);

private:
    QLayout *createButtons();
    void updateEdgeNodes();
    void updateDevices();
    void updateTopic();
    QString topic() const;
    // Why `id` cannot be a level of the topic, or empty.
    QString idProblem(const QString &what, const QString &id) const;

    SparkplugNodeList m_nodes;
    QComboBox *m_group;
    QComboBox *m_edgeNode;
    QComboBox *m_device;
    QComboBox *m_metric;
    QComboBox *m_datatype;
    QLineEdit *m_value;
    QLabel *m_topic;
    FieldMessage *m_message;
    QLabel *m_sent;
};

} // namespace mqttscope
