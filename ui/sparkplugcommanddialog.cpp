// SPDX-License-Identifier: GPL-3.0-or-later
#include "sparkplugcommanddialog.h"

#include "fieldmessage.h"

#include "decode/sparkplugpayload.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

namespace {

const QString rebirthMetric = u"Node Control/Rebirth"_s;

QComboBox *editableCombo(const QString &objectName, const QString &placeholder, QWidget *parent)
{
    auto *box = new QComboBox(parent);
    box->setObjectName(objectName);
    box->setEditable(true);
    box->setInsertPolicy(QComboBox::NoInsert);
    box->lineEdit()->setPlaceholderText(placeholder);
    return box;
}

void setItems(QComboBox *box, const QStringList &items)
{
    const QString text = box->currentText();
    QSignalBlocker blocker(box);
    box->clear();
    box->addItems(items);
    box->setEditText(items.contains(text) || items.isEmpty() ? text : items.constFirst());
}

} // namespace

SparkplugCommandDialog::SparkplugCommandDialog(SparkplugNodeList nodes, QWidget *parent)
    : QDialog(parent)
    , m_nodes(std::move(nodes))
    , m_group(editableCombo(u"sparkplugGroup"_s, tr("Group ID"), this))
    , m_edgeNode(editableCombo(u"sparkplugEdgeNode"_s, tr("Edge node ID"), this))
    , m_device(editableCombo(u"sparkplugDevice"_s, tr("None: an NCMD to the edge node"), this))
    , m_metric(editableCombo(u"sparkplugMetric"_s, tr("Metric name"), this))
    , m_datatype(new QComboBox(this))
    , m_value(new QLineEdit(this))
    , m_topic(new QLabel(this))
    , m_message(new FieldMessage(this))
    , m_sent(new QLabel(this))
{
    setWindowTitle(tr("Sparkplug B command"));
    setObjectName(u"sparkplugCommandDialog"_s);
    setMinimumWidth(fontMetrics().averageCharWidth() * 64);
    m_metric->addItems({rebirthMetric, u"Node Control/Reboot"_s, u"Node Control/Next Server"_s,
                        u"Node Control/Scan Rate"_s});
    m_datatype->setObjectName(u"sparkplugDatatype"_s);
    m_datatype->addItems(Sparkplug::datatypeNames());
    m_value->setObjectName(u"sparkplugValue"_s);
    m_value->setPlaceholderText(tr("Value, e.g. true, 42, 21.5, text"));
    m_topic->setObjectName(u"sparkplugTopic"_s);
    m_topic->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_sent->setObjectName(u"sparkplugSent"_s);
    m_sent->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Group:"), m_group);
    form->addRow(tr("Edge node:"), m_edgeNode);
    form->addRow(tr("Device:"), m_device);
    form->addRow(tr("Metric:"), m_metric);
    form->addRow(tr("Datatype:"), m_datatype);
    form->addRow(tr("Value:"), m_value);
    form->addRow(tr("Topic:"), m_topic);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_sent);
    layout->addLayout(createButtons());

    connect(m_group, &QComboBox::currentTextChanged, this,
            &SparkplugCommandDialog::updateEdgeNodes);
    connect(m_edgeNode, &QComboBox::currentTextChanged, this,
            &SparkplugCommandDialog::updateDevices);
    for (QComboBox *box : {m_group, m_edgeNode, m_device})
        connect(box, &QComboBox::currentTextChanged, this, &SparkplugCommandDialog::updateTopic);
    setItems(m_group, m_nodes.groups());
    updateEdgeNodes();
    fillRebirth();
}

QLayout *SparkplugCommandDialog::createButtons()
{
    auto *rebirth = new QPushButton(tr("Send rebirth"), this);
    rebirth->setObjectName(u"sparkplugSendRebirth"_s);
    rebirth->setToolTip(tr("Ask the edge node to publish its NBIRTH and DBIRTHs again"));
    auto *sendButton = new QPushButton(tr("Send"), this);
    sendButton->setObjectName(u"sparkplugSend"_s);
    sendButton->setDefault(true);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(rebirth, &QPushButton::clicked, this, &SparkplugCommandDialog::sendRebirth);
    connect(sendButton, &QPushButton::clicked, this, &SparkplugCommandDialog::send);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(rebirth);
    buttons->addStretch();
    buttons->addWidget(sendButton);
    buttons->addWidget(close);
    return buttons;
}

void SparkplugCommandDialog::updateEdgeNodes()
{
    setItems(m_edgeNode, m_nodes.edgeNodes(m_group->currentText()));
    updateDevices();
}

void SparkplugCommandDialog::updateDevices()
{
    const QString device = m_device->currentText();
    const QStringList devices = m_nodes.devices(m_group->currentText(), m_edgeNode->currentText());
    QSignalBlocker blocker(m_device);
    m_device->clear();
    m_device->addItem(QString()); // none: an NCMD
    m_device->addItems(devices);
    // A device typed for another edge node is not carried over to this one.
    m_device->setEditText(devices.contains(device) ? device : QString());
    blocker.unblock();
    updateTopic();
}

QString SparkplugCommandDialog::topic() const
{
    const QString device = m_device->currentText().trimmed();
    return device.isEmpty()
        ? u"spBv1.0/%1/NCMD/%2"_s.arg(m_group->currentText().trimmed(),
                                      m_edgeNode->currentText().trimmed())
        : u"spBv1.0/%1/DCMD/%2/%3"_s.arg(m_group->currentText().trimmed(),
                                         m_edgeNode->currentText().trimmed(), device);
}

void SparkplugCommandDialog::updateTopic()
{
    m_topic->setText(topic());
}

void SparkplugCommandDialog::fillRebirth()
{
    m_device->setEditText(QString());
    m_metric->setEditText(rebirthMetric);
    m_datatype->setCurrentText(u"Boolean"_s);
    m_value->setText(u"true"_s);
}

// [tck-id-topic-structure-namespace-valid-group-id] and its edge node and device siblings: a
// level of the topic, so no '/', '+' or '#'.
QString SparkplugCommandDialog::idProblem(const QString &what, const QString &id) const
{
    if (id.isEmpty())
        return tr("%1 is empty").arg(what);
    if (id.contains(u'/') || id.contains(u'+') || id.contains(u'#'))
        return tr("%1 \"%2\" may not contain '/', '+' or '#'").arg(what, id);
    return {};
}

std::optional<Message> SparkplugCommandDialog::composeCommand(qint64 nowMs)
{
    const QString device = m_device->currentText().trimmed();
    QString problem = idProblem(tr("The group ID"), m_group->currentText().trimmed());
    if (problem.isEmpty())
        problem = idProblem(tr("The edge node ID"), m_edgeNode->currentText().trimmed());
    if (problem.isEmpty() && !device.isEmpty())
        problem = idProblem(tr("The device ID"), device);
    if (problem.isEmpty() && m_metric->currentText().isEmpty())
        problem = tr("The metric needs a name");
    std::optional<QByteArray> payload;
    if (problem.isEmpty()) {
        // [tck-id-payloads-ncmd-timestamp] [tck-id-payloads-dcmd-timestamp]: the time of sending
        const Sparkplug::CommandMetric metric{m_metric->currentText(), m_datatype->currentText(),
                                              m_value->text()};
        payload = Sparkplug::encodeCommand({metric}, nowMs, &problem);
    }
    m_message->showMessage(problem);
    if (!payload)
        return std::nullopt;
    Message message;
    message.topic = topic().toUtf8();
    message.payload = *payload;
    message.qos = 0; // [tck-id-payloads-ncmd-qos] [tck-id-payloads-dcmd-qos]
    message.retain = false; // [tck-id-payloads-ncmd-retain] [tck-id-payloads-dcmd-retain]
    return message;
}

void SparkplugCommandDialog::send()
{
    const std::optional<Message> message = composeCommand(QDateTime::currentMSecsSinceEpoch());
    if (!message)
        return;
    emit publishRequested(*message);
    m_sent->setText(tr("Sent %1 = %2 to %3 at %4")
                        .arg(m_metric->currentText(), m_value->text(),
                             QString::fromUtf8(message->topic),
                             QDateTime::currentDateTime().toString(u"HH:mm:ss"_s)));
}

void SparkplugCommandDialog::sendRebirth()
{
    fillRebirth();
    send();
}

} // namespace mqttscope
