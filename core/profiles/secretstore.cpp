// SPDX-License-Identifier: GPL-3.0-or-later
#include "profiles/secretstore.h"
#include "profiles/profileslog.h"

#include <QTimer>

#include <memory>

#include <qt6keychain/keychain.h>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {
namespace {

QString keyFor(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

// Runs a keychain job with a deadline: some Secret Service setups never answer (a locked
// collection without an agent to unlock it), and the caller must then go on without it.
// `finished` runs exactly once, with timedOut set when the deadline came first.
void runWithDeadline(QKeychain::Job *job, int timeoutMs,
                     std::function<void(QKeychain::Job *job, bool timedOut)> finished)
{
    auto pending = std::make_shared<bool>(true);
    QObject::connect(job, &QKeychain::Job::finished, job, [pending, finished](QKeychain::Job *j) {
        if (std::exchange(*pending, false))
            finished(j, false);
    });
    QTimer::singleShot(timeoutMs, job, [pending, finished, job] {
        if (std::exchange(*pending, false))
            finished(job, true);
    });
    job->start();
}

} // namespace

SecretStore::SecretStore(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{
}

void SecretStore::read(const QUuid &id, ReadCallback done)
{
    if (auto it = m_memory.constFind(id); it != m_memory.cend()) {
        done(*it, {});
        return;
    }
    if (!m_keychainUsable) {
        done(std::nullopt, tr("No keychain is available"));
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(keyFor(id));
    job->setInsecureFallback(false);
    runWithDeadline(job, m_timeoutMs, [this, id, done](QKeychain::Job *j, bool timedOut) {
        auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (timedOut
            || (j->error() != QKeychain::NoError && j->error() != QKeychain::EntryNotFound)) {
            const QString why = timedOut ? tr("The keychain did not answer") : j->errorString();
            qCWarning(lcProfiles) << "keychain read failed:" << why;
            m_keychainUsable = false;
            done(std::nullopt, why);
        } else if (j->error() == QKeychain::EntryNotFound) {
            done(std::nullopt, {});
        } else {
            const ProfileSecrets secrets = ProfileSecrets::fromKeychainData(readJob->binaryData());
            m_memory.insert(id, secrets);
            done(secrets, {});
        }
    });
}

void SecretStore::write(const QUuid &id, const ProfileSecrets &secrets, WriteCallback done)
{
    m_memory.insert(id, secrets);
    if (!m_keychainUsable) {
        if (done)
            done(false, tr("No keychain is available; the secret is kept until mqttscope exits"));
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(keyFor(id));
    job->setInsecureFallback(false);
    job->setBinaryData(secrets.toKeychainData());
    runWithDeadline(job, m_timeoutMs, [this, done](QKeychain::Job *j, bool timedOut) {
        const bool ok = !timedOut && j->error() == QKeychain::NoError;
        if (!ok) {
            m_keychainUsable = false;
            qCWarning(lcProfiles) << "keychain write failed:"
                                  << (timedOut ? "timeout"_L1 : j->errorString());
        }
        if (done)
            done(ok,
                 ok ? QString()
                    : tr("The keychain could not store the secret; it is kept until mqttscope "
                         "exits"));
    });
}

void SecretStore::remove(const QUuid &id)
{
    m_memory.remove(id);
    if (!m_keychainUsable)
        return;
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setKey(keyFor(id));
    job->setInsecureFallback(false);
    runWithDeadline(job, m_timeoutMs, [](QKeychain::Job *, bool) {});
}

void SecretStore::copy(const QUuid &from, const QUuid &to, WriteCallback done)
{
    read(from, [this, to, done](std::optional<ProfileSecrets> secrets, const QString &error) {
        if (secrets)
            write(to, *secrets, done);
        else if (done)
            done(error.isEmpty(), error);
    });
}

void SecretStore::remember(const QUuid &id, const ProfileSecrets &secrets)
{
    m_memory.insert(id, secrets);
}

void SecretStore::forget(const QUuid &id)
{
    m_memory.remove(id);
}

} // namespace mqttscope
