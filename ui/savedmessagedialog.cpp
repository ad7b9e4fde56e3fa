// SPDX-License-Identifier: GPL-3.0-or-later
#include "savedmessagedialog.h"

#include "fieldmessage.h"
#include "publishencodingbox.h"
#include "savedmessageform.h"
#include "userpropertieseditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QKeySequenceEdit>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

SavedMessageDialog::SavedMessageDialog(const SavedMessage &message, const QUuid &profileId,
                                       const QStringList &folders,
                                       std::shared_ptr<const ProtobufSchemas> schemas,
                                       QWidget *parent)
    : QDialog(parent)
    , m_message(message)
    , m_profileId(profileId)
    , m_name(new QLineEdit(message.name, this))
    , m_folder(new QComboBox(this))
    , m_onlyThisConnection(new QCheckBox(tr("Only for this connection"), this))
    , m_topic(new QLineEdit(message.topic, this))
    , m_format(new QComboBox(this))
    , m_encodeAs(new PublishEncodingBox(this))
    , m_payload(new QPlainTextEdit(this))
    , m_qos(new QComboBox(this))
    , m_retain(new QCheckBox(tr("Retain"), this))
    , m_shortcut(new QKeySequenceEdit(QKeySequence(message.shortcut), this))
    , m_contentType(new QLineEdit(message.contentType.value_or(QString()), this))
    , m_payloadIsUtf8(new QCheckBox(tr("Payload is UTF-8 text"), this))
    , m_messageExpiry(new QSpinBox(this))
    , m_responseTopic(new QLineEdit(message.responseTopic.value_or(QString()), this))
    , m_correlationData(
          new QLineEdit(QString::fromUtf8(message.correlationData.value_or(QByteArray())), this))
    , m_userProperties(new UserPropertiesEditor(this))
    , m_problem(new FieldMessage(this))
{
    setWindowTitle(message.name.isEmpty() ? tr("Save message") : tr("Edit saved message"));
    m_name->setObjectName(u"savedName"_s);
    m_topic->setObjectName(u"savedTopic"_s);
    m_payload->setObjectName(u"savedPayload"_s);
    m_topic->setPlaceholderText(tr("Topic; {{counter}}, {{uuid}}, … are filled in when sent"));
    m_payload->setPlaceholderText(
        tr("Payload; {{timestamp}}, {{timestamp_ms}}, {{uuid}}, {{counter}}, {{random:1-100}}"));
    m_folder->setEditable(true);
    m_folder->addItem(QString());
    m_folder->addItems(folders);
    m_folder->setCurrentText(message.folder);
    m_onlyThisConnection->setChecked(!message.profileId.isNull());
    m_onlyThisConnection->setEnabled(!profileId.isNull());
    m_format->addItem(tr("Text"), int(PayloadInputFormat::Text));
    m_format->addItem(tr("JSON"), int(PayloadInputFormat::Json));
    m_format->addItem(tr("Hex"), int(PayloadInputFormat::Hex));
    m_format->addItem(tr("Base64"), int(PayloadInputFormat::Base64));
    const PayloadInputFormat format = SavedMessageForm::format(message.payloadFormat);
    m_format->setCurrentIndex(m_format->findData(int(format)));
    m_encodeAs->setSchemas(std::move(schemas));
    m_encodeAs->setChoiceKey(message.encodeAs);
    m_payload->setPlainText(SavedMessageForm::payloadText(message.payload, format));
    for (int qos = 0; qos <= 2; ++qos)
        m_qos->addItem(tr("QoS %1").arg(qos), qos);
    m_qos->setCurrentIndex(message.qos);
    m_retain->setChecked(message.retain);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SavedMessageDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SavedMessageDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(createForm());
    layout->addWidget(createPropertiesForm());
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    resize(560, 480);
}

QLayout *SavedMessageDialog::createForm()
{
    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Folder:"), m_folder);
    form->addRow(QString(), m_onlyThisConnection);
    form->addRow(tr("Topic:"), m_topic);
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("Payload:"), m_payload);
    form->addRow(tr("Encode as:"), m_encodeAs);
    form->addRow(tr("QoS:"), m_qos);
    form->addRow(QString(), m_retain);
    form->addRow(tr("Shortcut:"), m_shortcut);
    return form;
}

QWidget *SavedMessageDialog::createPropertiesForm()
{
    m_payloadIsUtf8->setChecked(m_message.payloadIsUtf8);
    m_messageExpiry->setRange(0, std::numeric_limits<int>::max());
    m_messageExpiry->setSpecialValueText(tr("not sent"));
    m_messageExpiry->setSuffix(tr(" s"));
    m_messageExpiry->setValue(int(qMin<quint32>(m_message.messageExpiryInterval.value_or(0),
                                                quint32(m_messageExpiry->maximum()))));
    m_userProperties->setProperties(m_message.userProperties);
    m_contentType->setObjectName(u"savedContentType"_s);

    auto *properties = new QWidget(this);
    auto *form = new QFormLayout(properties);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Content type:"), m_contentType);
    form->addRow(tr("Payload format:"), m_payloadIsUtf8);
    form->addRow(tr("Message expiry:"), m_messageExpiry);
    form->addRow(tr("Response topic:"), m_responseTopic);
    form->addRow(tr("Correlation data:"), m_correlationData);
    form->addRow(tr("User properties:"), m_userProperties);
    auto *shown = new QCheckBox(tr("MQTT 5 properties"), this);
    shown->setObjectName(u"savedShowProperties"_s);
    connect(shown, &QCheckBox::toggled, properties, &QWidget::setVisible);
    shown->setChecked(!m_message.publishProperties().isEmpty());
    properties->setVisible(shown->isChecked());

    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(shown);
    layout->addWidget(properties);
    return box;
}

void SavedMessageDialog::takeProperties()
{
    const auto optionalText = [](const QLineEdit *edit) {
        return edit->text().isEmpty() ? std::nullopt : std::optional<QString>(edit->text());
    };
    m_message.contentType = optionalText(m_contentType);
    m_message.payloadIsUtf8 = m_payloadIsUtf8->isChecked();
    m_message.messageExpiryInterval = m_messageExpiry->value() > 0
        ? std::optional<quint32>(quint32(m_messageExpiry->value()))
        : std::nullopt;
    m_message.responseTopic = optionalText(m_responseTopic);
    m_message.correlationData = m_correlationData->text().isEmpty()
        ? std::nullopt
        : std::optional<QByteArray>(m_correlationData->text().toUtf8());
    m_message.userProperties = m_userProperties->properties();
}

void SavedMessageDialog::accept()
{
    const auto format = PayloadInputFormat(m_format->currentData().toInt());
    QString error;
    const QString text = m_payload->toPlainText();
    // JSON with placeholders parses only once they are filled in: kept as typed.
    const bool unchecked =
        format == PayloadInputFormat::Json && Placeholders::contains(text.toUtf8());
    const auto payload =
        encodePayloadInput(text, unchecked ? PayloadInputFormat::Text : format, &error);
    // JSON to encode is checked now when nothing in it changes when sent.
    if (payload && !Placeholders::contains(text.toUtf8()))
        m_encodeAs->encode(*payload, &error, nullptr);
    if (m_name->text().trimmed().isEmpty())
        error = tr("The message needs a name.");
    else if (m_topic->text().isEmpty())
        error = tr("The message needs a topic.");
    if (!payload || !error.isEmpty()) {
        m_problem->showMessage(error);
        return;
    }
    m_message.name = m_name->text().trimmed();
    m_message.folder = m_folder->currentText().trimmed();
    m_message.profileId = m_onlyThisConnection->isChecked() ? m_profileId : QUuid();
    m_message.topic = m_topic->text();
    m_message.payloadFormat = SavedMessageForm::formatKey(format);
    m_message.payload = *payload;
    m_message.encodeAs = m_encodeAs->choiceKey();
    m_message.qos = quint8(m_qos->currentData().toInt());
    m_message.retain = m_retain->isChecked();
    m_message.shortcut = m_shortcut->keySequence().toString(QKeySequence::PortableText);
    takeProperties();
    QDialog::accept();
}

} // namespace mqttscope
