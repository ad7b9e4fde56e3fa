// SPDX-License-Identifier: GPL-3.0-or-later
#include "savedmessagedialog.h"

#include "fieldmessage.h"
#include "savedmessageform.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QKeySequenceEdit>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

SavedMessageDialog::SavedMessageDialog(const SavedMessage &message, const QUuid &profileId,
                                       const QStringList &folders, QWidget *parent)
    : QDialog(parent)
    , m_message(message)
    , m_profileId(profileId)
    , m_name(new QLineEdit(message.name, this))
    , m_folder(new QComboBox(this))
    , m_onlyThisConnection(new QCheckBox(tr("Only for this connection"), this))
    , m_topic(new QLineEdit(message.topic, this))
    , m_format(new QComboBox(this))
    , m_payload(new QPlainTextEdit(this))
    , m_qos(new QComboBox(this))
    , m_retain(new QCheckBox(tr("Retain"), this))
    , m_shortcut(new QKeySequenceEdit(QKeySequence(message.shortcut), this))
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
    for (const PayloadInputFormat f : {PayloadInputFormat::Text, PayloadInputFormat::Json,
                                       PayloadInputFormat::Hex, PayloadInputFormat::Base64})
        m_format->addItem(SavedMessageForm::formatKey(f), int(f));
    const PayloadInputFormat format = SavedMessageForm::format(message.payloadFormat);
    m_format->setCurrentIndex(m_format->findData(int(format)));
    m_payload->setPlainText(SavedMessageForm::payloadText(message.payload, format));
    for (int qos = 0; qos <= 2; ++qos)
        m_qos->addItem(tr("QoS %1").arg(qos), qos);
    m_qos->setCurrentIndex(message.qos);
    m_retain->setChecked(message.retain);

    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Folder:"), m_folder);
    form->addRow(QString(), m_onlyThisConnection);
    form->addRow(tr("Topic:"), m_topic);
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("Payload:"), m_payload);
    form->addRow(tr("QoS:"), m_qos);
    form->addRow(QString(), m_retain);
    form->addRow(tr("Shortcut:"), m_shortcut);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SavedMessageDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SavedMessageDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    resize(520, 420);
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
    m_message.qos = quint8(m_qos->currentData().toInt());
    m_message.retain = m_retain->isChecked();
    m_message.shortcut = m_shortcut->keySequence().toString(QKeySequence::PortableText);
    QDialog::accept();
}

} // namespace mqttscope
