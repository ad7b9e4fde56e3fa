// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "profiles/connectionprofile.h"
#include "profiles/profilesecrets.h"

#include <QDialog>
#include <QMap>
#include <QStringList>

class QFormLayout;
class QLabel;
class QLineEdit;

namespace mqttscope {

// Asks, in one dialog, for every secret a connection needs and the keychain could not give:
// the password, the key's passphrase, the PKCS#12 password, the proxy's password. What is typed is
// kept in memory for this run only (the caller remembers it); nothing is written anywhere.
class SecretsDialog : public QDialog
{
    Q_OBJECT
public:
    struct Needs
    {
        bool password = false;
        bool keyPassphrase = false;
        bool pkcs12Passphrase = false;
        bool proxyPassword = false;
        bool sasKey = false;
        QStringList headers; // secret WebSocket headers without a value
        bool any() const
        {
            return password || keyPassphrase || pkcs12Passphrase || proxyPassword || sasKey
                || !headers.isEmpty();
        }
    };
    // What `profile` needs that `known` (what the keychain or memory gave) lacks. A PKCS#12
    // password may be empty, so a keychain entry counts as having it.
    static Needs missing(const ConnectionProfile &profile,
                         const std::optional<ProfileSecrets> &known);

    // `cause` says why the secrets are asked for ("The system keychain did not answer …").
    SecretsDialog(const ConnectionProfile &profile, Needs needs, const QString &cause,
                  QWidget *parent = nullptr);

    // `known` with what was typed filled in.
    ProfileSecrets secrets(ProfileSecrets known) const;

private:
    QLineEdit *addField(const QString &label, const QString &objectName);

    QLineEdit *m_password = nullptr;
    QLineEdit *m_keyPassphrase = nullptr;
    QLineEdit *m_pkcs12Passphrase = nullptr;
    QLineEdit *m_proxyPassword = nullptr;
    QLineEdit *m_sasKey = nullptr;
    QMap<QString, QLineEdit *> m_headers;
    QFormLayout *m_form;
};

} // namespace mqttscope
