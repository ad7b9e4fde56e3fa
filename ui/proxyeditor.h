// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profiles/connectionprofile.h"
#include "profiles/profileproblems.h"

#include <QMap>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace mqttscope {

class FieldMessage;

// The profile editor's Proxy page: none, the system's settings, or a SOCKS5 (names resolved by
// the proxy) or HTTP CONNECT proxy with host, port, user name and password. The password is a
// secret: set and read apart from the rest, like the profile's own (ProfileSecrets).
class ProxyEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ProxyEditor(QWidget *parent = nullptr);

    // Clears the password field; its placeholder says whether the keychain holds one.
    void setProxy(const ProfileProxy &proxy);
    // hasPassword as loaded: the caller knows whether the secrets were edited.
    ProfileProxy proxy() const;
    void setPassword(const std::optional<QByteArray> &password);
    QByteArray password() const;
    // The messages next to the host and user name fields, for ProfileEditor::validate().
    QMap<ProfileField, FieldMessage *> messages() const;

signals:
    void passwordEdited();

private:
    void kindChanged();

    ProfileProxy m_loaded;
    QComboBox *m_kind;
    QLabel *m_explanation;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_username;
    QLineEdit *m_password;
    FieldMessage *m_hostMessage;
    FieldMessage *m_usernameMessage;
};

} // namespace mqttscope
