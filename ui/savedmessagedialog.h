// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profiles/savedmessage.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QKeySequenceEdit;
class QLineEdit;
class QPlainTextEdit;

namespace mqttscope {

class FieldMessage;

// Creates or edits one saved message: name, folder, whether only this connection sees it,
// topic and payload (placeholders allowed), format, QoS, retain and a keyboard shortcut. The
// MQTT 5 properties are kept as they came (from the publish form or the library).
class SavedMessageDialog : public QDialog
{
    Q_OBJECT
public:
    // `profileId` is the connection the message may be kept for; `folders` are offered.
    SavedMessageDialog(const SavedMessage &message, const QUuid &profileId,
                       const QStringList &folders, QWidget *parent = nullptr);

    // The message as edited; valid after accept().
    SavedMessage message() const { return m_message; }

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *topicEdit() const { return m_topic; }
    QPlainTextEdit *payloadEdit() const { return m_payload; }

    void accept() override;

private:
    SavedMessage m_message;
    QUuid m_profileId;
    QLineEdit *m_name;
    QComboBox *m_folder;
    QCheckBox *m_onlyThisConnection;
    QLineEdit *m_topic;
    QComboBox *m_format;
    QPlainTextEdit *m_payload;
    QComboBox *m_qos;
    QCheckBox *m_retain;
    QKeySequenceEdit *m_shortcut;
    FieldMessage *m_problem;
};

} // namespace mqttscope
