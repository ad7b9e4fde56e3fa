// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "payloadinput.h"
#include "profiles/savedmessage.h"
#include "decode/protobufschemas.h"
#include "protocol/message.h"
#include "protocol/reasoncode.h"

#include <QWidget>

#include <memory>

class QAbstractItemModel;
class QCheckBox;
class QComboBox;
class QLabel;
class QLayout;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QSpinBox;

namespace mqttscope {

class FieldMessage;
class PublishEncodingBox;
class UserPropertiesEditor;

// Composes and sends one message: topic (completed from the topic tree), payload typed as
// text, JSON, hex or base64 or read from a file (JSON may be sent encoded as MessagePack or a
// Protobuf message type), QoS, retain and the MQTT 5 publish properties. Sparkplug B commands
// are composed in their own dialog and land in the same history (as hex).
// Each publish is kept in a history list with its outcome (PUBACK/PUBCOMP reason or failure)
// and can be loaded back, properties included, and re-sent. Ctrl+Enter publishes.
class PublishPanel : public QWidget
{
    Q_OBJECT
public:
    explicit PublishPanel(QWidget *parent = nullptr);

    // The model whose rows are topic levels (the topic tree) to complete topics from.
    void setCompletionModel(QAbstractItemModel *model);
    void setMqtt5(bool enabled); // shows or hides the 5.0 properties
    void setTopic(const QString &topic);
    // The connection's compiled .proto files, for "Encode as" (null: none).
    void setProtobufSchemas(std::shared_ptr<const ProtobufSchemas> schemas);

    // The message the form describes, or nullopt after showing what is wrong next to the field.
    std::optional<Message> composeMessage();

    // The connection's answers about a publish this panel requested.
    void publishStarted(quint64 requestId, const Message &message);
    void publishFinished(quint64 requestId, ReasonCode reason, const QString &reasonString);
    void publishFailed(quint64 requestId, const QString &error);

    QString lastOutcome() const;

    // The form as a saved message (unnamed; placeholders kept as typed), and back: a saved
    // message loaded into the form to be changed or sent as it stands.
    SavedMessage savedMessage();
    void loadSavedMessage(const SavedMessage &message);

public slots:
    void publish();
    // Opens the Sparkplug B command composer (NCMD/DCMD), offering the nodes in the topic tree.
    void composeSparkplugCommand();

signals:
    void publishRequested(const mqttscope::Message &message);
    // "Save to library…" on the form or on a published message.
    void saveToLibraryRequested(const mqttscope::SavedMessage &message);

private:
    void setUpFields();
    void publishComposed(const Message &message); // a Sparkplug command: history keeps its hex
    void showPayloadError(const QString &error, qsizetype offset);
    QWidget *createEditor();
    QLayout *createOptionsRow();
    void layOutProperties();
    QWidget *createHistoryBox();
    void chooseFile();
    void validateTopic();
    void updateFormatUi();
    void loadFromHistory(QListWidgetItem *item);
    void showHistoryMenu(const QPoint &position);
    void showProperties(const Properties &properties);
    void setOutcome(quint64 requestId, const QString &text, bool failed);
    Properties composeProperties(bool *ok);

    QLineEdit *m_topic;
    FieldMessage *m_topicMessage;
    QComboBox *m_format;
    PublishEncodingBox *m_encodeAs;
    QPlainTextEdit *m_payload;
    QLineEdit *m_file;
    QPushButton *m_chooseFile;
    FieldMessage *m_payloadMessage;
    QComboBox *m_qos;
    QCheckBox *m_retain;
    QCheckBox *m_showProperties;
    QWidget *m_properties;
    bool m_mqtt5 = true;
    QLineEdit *m_contentType;
    QCheckBox *m_payloadIsUtf8;
    QSpinBox *m_messageExpiry;
    QLineEdit *m_responseTopic;
    QLineEdit *m_correlationData;
    QSpinBox *m_topicAlias;
    UserPropertiesEditor *m_userProperties;
    QPushButton *m_publishButton;
    QPushButton *m_saveButton;
    QPushButton *m_sparkplugButton;
    QAbstractItemModel *m_topicTree = nullptr;
    bool m_publishingComposed = false; // while a composed command is being handed on
    QLabel *m_outcome;
    QListWidget *m_history;
    QScrollArea *m_form = nullptr; // scrolls the form within the panel
};

} // namespace mqttscope
