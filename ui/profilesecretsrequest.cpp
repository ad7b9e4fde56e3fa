// SPDX-License-Identifier: GPL-3.0-or-later
#include "profilesecretsrequest.h"

#include "secretsdialog.h"

#include "profiles/secretstore.h"

#include <QPointer>
#include <QWidget>

namespace mqttscope {
namespace {

void askForSecrets(const ConnectionProfile &profile, SecretStore *store, QWidget *parent,
                   const std::optional<ProfileSecrets> &known, const QString &keychainError,
                   const std::function<void(const ProfileSecrets &)> &ready)
{
    QString cause;
    if (!keychainError.isEmpty())
        cause = SecretsDialog::tr("The system keychain did not answer (%1).").arg(keychainError);
    else if (!known)
        cause = SecretsDialog::tr("The keychain holds no secrets for %1.").arg(profile.name);
    else
        cause =
            SecretsDialog::tr("The keychain holds not every secret %1 needs.").arg(profile.name);
    auto *dialog =
        new SecretsDialog(profile, SecretsDialog::missing(profile, known), cause, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog, &QDialog::accepted, parent, [=] {
        const ProfileSecrets secrets = dialog->secrets(known.value_or(ProfileSecrets{}));
        store->remember(profile.id, secrets);
        ready(secrets);
    });
    dialog->open();
}

} // namespace

void requestProfileSecrets(const ConnectionProfile &profile, SecretStore *store, QWidget *parent,
                           std::function<void(const ProfileSecrets &secrets)> ready)
{
    if (!profile.needsSecrets()) {
        ready({});
        return;
    }
    store->read(profile.id,
                [=, self = QPointer<QWidget>(parent)](std::optional<ProfileSecrets> secrets,
                                                      const QString &error) {
                    if (!self)
                        return;
                    if (SecretsDialog::missing(profile, secrets).any())
                        askForSecrets(profile, store, self, secrets, error, ready);
                    else
                        ready(secrets.value_or(ProfileSecrets{}));
                });
}

} // namespace mqttscope
