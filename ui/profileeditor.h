// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profiles/connectionprofile.h"
#include "profiles/profileproblems.h"

#include <QMap>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;

namespace mqttscope {

class FieldMessage;
class MutedTopicsEditor;
class PayloadFormatsEditor;
class ProxyEditor;
class SasTokenEditor;
class SidebarPages;
class UserPropertiesEditor;
class WebSocketHeadersEditor;

// Edits every field of a connection profile and its secrets, grouped in pages (connection,
// TLS, proxy, last will, MQTT 5, subscriptions, history). A field with a bad value gets a message
// next to it; turning peer verification off shows a warning that stays visible.
class ProfileEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ProfileEditor(QWidget *parent = nullptr);

    void setProfile(const ConnectionProfile &profile);
    ConnectionProfile profile() const;
    // Secrets as typed; known only after setSecrets() or when the user typed them.
    void setSecrets(const ProfileSecrets &secrets);
    ProfileSecrets secrets() const;
    bool secretsEdited() const { return m_secretsEdited; }
    void setFolders(const QStringList &folders);

    // Shows the problems next to their fields; true when there are none.
    bool validate();
    QString messageFor(ProfileField field) const;
    PayloadFormatsEditor *payloadFormats() const { return m_formats; }
    SidebarPages *pages() const { return m_pages; }

signals:
    void changed();

private:
    QWidget *createConnectionPage();
    QWidget *createTlsPage();
    QWidget *createWillPage();
    QWidget *createMqtt5Page();
    QWidget *createSubscriptionsPage();
    QWidget *createHistoryPage();
    QWidget *withFileButton(QLineEdit *edit, const QString &title);
    FieldMessage *messageLabel(ProfileField field);
    void addSubscriptionRow(const Subscription &subscription);
    void transportChanged();
    void updateVerifyWarning();

    ConnectionProfile m_profile; // fields the editor has no widget for survive editing
    bool m_secretsEdited = false;
    // Port and WebSocket path follow the transport's defaults until the user picks their own.
    bool m_portChosen = false;
    bool m_pathChosen = false;

    SidebarPages *m_pages;
    QLineEdit *m_name;
    QComboBox *m_folder;
    QLineEdit *m_tags;
    QComboBox *m_transport;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_webSocketPath;
    WebSocketHeadersEditor *m_webSocketHeaders;
    QComboBox *m_version;
    QLineEdit *m_clientId;
    QLineEdit *m_username;
    QLineEdit *m_password;
    SasTokenEditor *m_sasToken;
    QSpinBox *m_keepAlive;
    QCheckBox *m_cleanStart;
    QSpinBox *m_sessionExpiry;
    QCheckBox *m_autoReconnect;
    QSpinBox *m_maximumInflight;

    QLineEdit *m_caFile;
    QLineEdit *m_certFile;
    QLineEdit *m_keyFile;
    QLineEdit *m_keyPassphrase;
    QLineEdit *m_pkcs12File;
    QLineEdit *m_pkcs12Passphrase;
    QCheckBox *m_verifyPeer;
    FieldMessage *m_verifyWarning;
    QLineEdit *m_alpn;

    QCheckBox *m_willEnabled;
    QLineEdit *m_willTopic;
    QLineEdit *m_willPayload;
    QByteArray m_loadedWillPayload; // as setProfile() gave it, byte for byte
    QComboBox *m_willQos;
    QCheckBox *m_willRetain;
    QSpinBox *m_willDelay;
    QSpinBox *m_willExpiry;
    QLineEdit *m_willContentType;
    QCheckBox *m_willUtf8;

    QSpinBox *m_receiveMaximum;
    QSpinBox *m_maximumPacketSize;
    QSpinBox *m_topicAliasMaximum;
    QCheckBox *m_requestResponseInformation;
    QCheckBox *m_requestProblemInformation;
    UserPropertiesEditor *m_userProperties;

    QTableWidget *m_subscriptions;

    MutedTopicsEditor *m_mutedTopics;
    ProxyEditor *m_proxy;
    QSpinBox *m_historyPerTopic;
    QSpinBox *m_historyBudgetMiB;

    PayloadFormatsEditor *m_formats;

    QMap<ProfileField, FieldMessage *> m_messages;
};

} // namespace mqttscope
