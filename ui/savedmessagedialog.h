// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profiles/savedmessage.h"

#include <QDialog>

#include <memory>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QKeySequenceEdit;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace mqttscope {

class FieldMessage;
class ProtobufSchemas;
class PublishEncodingBox;
class UserPropertiesEditor;

// Creates or edits one saved message: name, folder, whether only this connection sees it,
// topic and payload (placeholders allowed), format, QoS, retain, a keyboard shortcut and the
// MQTT 5 publish properties (sent only to 5.0 brokers).
class SavedMessageDialog : public QDialog
{
    Q_OBJECT
public:
    // `profileId` is the connection the message may be kept for; `folders` are offered.
    // `schemas` are the connection's .proto files, offered as "Encode as" types.
    SavedMessageDialog(const SavedMessage &message, const QUuid &profileId,
                       const QStringList &folders,
                       std::shared_ptr<const ProtobufSchemas> schemas = {},
                       QWidget *parent = nullptr);

    // The message as edited; valid after accept().
    SavedMessage message() const { return m_message; }

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *topicEdit() const { return m_topic; }
    QPlainTextEdit *payloadEdit() const { return m_payload; }

    void accept() override;

private:
    QLayout *createForm();
    QWidget *createPropertiesForm();
    void takeProperties();

    SavedMessage m_message;
    QUuid m_profileId;
    QLineEdit *m_name;
    QComboBox *m_folder;
    QCheckBox *m_onlyThisConnection;
    QLineEdit *m_topic;
    QComboBox *m_format;
    PublishEncodingBox *m_encodeAs;
    QPlainTextEdit *m_payload;
    QComboBox *m_qos;
    QCheckBox *m_retain;
    QKeySequenceEdit *m_shortcut;
    QLineEdit *m_contentType;
    QCheckBox *m_payloadIsUtf8;
    QSpinBox *m_messageExpiry;
    QLineEdit *m_responseTopic;
    QLineEdit *m_correlationData;
    UserPropertiesEditor *m_userProperties;
    FieldMessage *m_problem;
};

} // namespace mqttscope
