// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretsdialog.h"

#include "transport/tlsconfiguration.h"

#include <QDialogButtonBox>
#include <QPushButton>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

SecretsDialog::Needs SecretsDialog::missing(const ConnectionProfile &profile,
                                            const std::optional<ProfileSecrets> &known)
{
    Needs needs;
    needs.password = profile.hasPassword && (!known || !known->password);
    needs.keyPassphrase = !profile.keyFile.isEmpty() && (!known || known->keyPassphrase.isEmpty())
        && isEncryptedKeyFile(profile.keyFile);
    needs.pkcs12Passphrase = !profile.pkcs12File.isEmpty() && !known;
    needs.proxyPassword = profile.proxy.needsPassword() && (!known || !known->proxyPassword);
    needs.sasKey = profile.sasTokenLifetimeSeconds > 0 && (!known || known->sasKey.isEmpty());
    const QStringList secretHeaders = profile.secretHeaderNames();
    for (const QString &name : secretHeaders) {
        if (!known || !known->webSocketHeaders.contains(name))
            needs.headers.append(name);
    }
    return needs;
}

SecretsDialog::SecretsDialog(const ConnectionProfile &profile, Needs needs, const QString &cause,
                             QWidget *parent)
    : QDialog(parent)
    , m_form(new QFormLayout)
{
    setObjectName(u"secretsDialog"_s);
    setWindowTitle(tr("Secrets for %1").arg(profile.name));
    auto *explanation = new QLabel(
        tr("%1\nWhat you type is kept in memory until mqttscope exits, never on disk.").arg(cause),
        this);
    explanation->setObjectName(u"secretsCause"_s);
    explanation->setWordWrap(true);
    if (needs.password) {
        m_password = addField(tr("Password for %1:").arg(profile.username), u"passwordField"_s);
    }
    if (needs.keyPassphrase) {
        m_keyPassphrase =
            addField(tr("Passphrase of %1:").arg(QFileInfo(profile.keyFile).fileName()),
                     u"keyPassphraseField"_s);
    }
    if (needs.pkcs12Passphrase) {
        m_pkcs12Passphrase =
            addField(tr("Password of %1:").arg(QFileInfo(profile.pkcs12File).fileName()),
                     u"pkcs12PassphraseField"_s);
    }
    if (needs.proxyPassword) {
        m_proxyPassword = addField(
            tr("Password for %1 at the proxy %2:").arg(profile.proxy.username, profile.proxy.host),
            u"proxyPasswordField"_s);
    }
    if (needs.sasKey)
        m_sasKey = addField(tr("Device key of %1:").arg(profile.clientId), u"sasKeyField"_s);
    for (const QString &name : std::as_const(needs.headers))
        m_headers.insert(name, addField(tr("Header %1:").arg(name), u"headerField"_s));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addLayout(m_form);
    layout->addWidget(buttons);
}

QLineEdit *SecretsDialog::addField(const QString &label, const QString &objectName)
{
    auto *field = new QLineEdit(this);
    field->setObjectName(objectName);
    field->setEchoMode(QLineEdit::Password);
    m_form->addRow(label, field);
    return field;
}

ProfileSecrets SecretsDialog::secrets(ProfileSecrets known) const
{
    if (m_password)
        known.password = m_password->text().toUtf8();
    if (m_keyPassphrase)
        known.keyPassphrase = m_keyPassphrase->text().toUtf8();
    if (m_pkcs12Passphrase)
        known.pkcs12Passphrase = m_pkcs12Passphrase->text().toUtf8();
    if (m_proxyPassword)
        known.proxyPassword = m_proxyPassword->text().toUtf8();
    if (m_sasKey)
        known.sasKey = m_sasKey->text().toUtf8();
    for (auto it = m_headers.cbegin(); it != m_headers.cend(); ++it)
        known.webSocketHeaders.insert(it.key(), it.value()->text().toUtf8());
    return known;
}

} // namespace mqttscope
