// SPDX-License-Identifier: GPL-3.0-or-later
#include "testcertificates.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope::test {

namespace {

// Extensions for each certificate kind; the subjects come from -subj.
constexpr auto kOpensslConfig = R"([req]
distinguished_name = dn
prompt = no
[dn]
CN = unused
[ca_ext]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[server_ext]
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1,DNS:localhost,IP:::1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[client_ext]
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
)";

constexpr int kOpensslTimeoutMs = 30000;

// World-readable so that mosquitto, dropping root for user `mosquitto`, can read them.
void makeWorldReadable(const QString &dirPath)
{
    QFile::setPermissions(dirPath,
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                              | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
    const QDir dir(dirPath);
    const QStringList files = dir.entryList(QDir::Files);
    for (const QString &name : files)
        QFile::setPermissions(dir.filePath(name),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup
                                  | QFile::ReadOther);
}

} // namespace

TestCertificates::TestCertificates()
    : m_openssl(QStandardPaths::findExecutable(u"openssl"_s))
{
}

TestCertificates::~TestCertificates() = default;

QByteArray TestCertificates::clientKeyPassphrase()
{
    return "mqttscope key passphrase"_ba;
}

QByteArray TestCertificates::pkcs12Passphrase()
{
    return "mqttscope p12 passphrase"_ba;
}

QString TestCertificates::dir() const
{
    return m_dir.path();
}
bool TestCertificates::run(const QStringList &arguments)
{
    QProcess openssl;
    openssl.setWorkingDirectory(m_dir.path());
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(m_openssl, arguments);
    if (!openssl.waitForFinished(kOpensslTimeoutMs) || openssl.exitStatus() != QProcess::NormalExit
        || openssl.exitCode() != 0) {
        m_error = u"openssl %1 failed: %2"_s.arg(
            arguments.join(u' '), QString::fromLocal8Bit(openssl.readAll()).trimmed());
        return false;
    }
    return true;
}

bool TestCertificates::generate()
{
    if (m_generated)
        return true;
    if (m_openssl.isEmpty()) {
        m_error = u"openssl not installed: run scripts/install-deps.sh"_s;
        return false;
    }
    if (!m_dir.isValid()) {
        m_error = u"cannot create a temporary folder: %1"_s.arg(m_dir.errorString());
        return false;
    }
    QFile config(path("openssl.cnf"));
    if (!config.open(QIODevice::WriteOnly) || config.write(kOpensslConfig) < 0) {
        m_error = u"cannot write %1"_s.arg(config.fileName());
        return false;
    }
    config.close();

    const QString cnf = config.fileName();
    const QStringList rsa{u"-newkey"_s, u"rsa:2048"_s};
    const QStringList ec{u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:P-256"_s};
    auto selfSignedCa = [&](const QString &name, const QString &subject) {
        return run(
            QStringList{u"req"_s, u"-config"_s, cnf, u"-x509"_s, u"-extensions"_s, u"ca_ext"_s}
            + rsa
            + QStringList{u"-nodes"_s, u"-keyout"_s, name + u".key"_s, u"-out"_s, name + u".pem"_s,
                          u"-days"_s, u"30"_s, u"-subj"_s, subject});
    };
    auto signedByCa = [&](const QString &name, const QStringList &keyType, const QString &subject,
                          const QString &extensions, int serial) {
        return run(QStringList{u"req"_s, u"-config"_s, cnf} + keyType
                   + QStringList{u"-nodes"_s, u"-keyout"_s, name + u".key"_s, u"-out"_s,
                                 name + u".csr"_s, u"-subj"_s, subject})
            && run({u"x509"_s, u"-req"_s, u"-in"_s, name + u".csr"_s, u"-CA"_s, u"ca.pem"_s,
                    u"-CAkey"_s, u"ca.key"_s, u"-set_serial"_s, QString::number(serial), u"-days"_s,
                    u"30"_s, u"-extfile"_s, cnf, u"-extensions"_s, extensions, u"-out"_s,
                    name + u".pem"_s});
    };
    const QString keyPass = u"pass:"_s + QString::fromUtf8(clientKeyPassphrase());
    const bool ok = selfSignedCa(u"ca"_s, u"/CN=mqttscope test CA"_s)
        && selfSignedCa(u"other-ca"_s, u"/CN=mqttscope unrelated CA"_s)
        && signedByCa(u"server"_s, rsa, u"/CN=localhost"_s, u"server_ext"_s, 2)
        && signedByCa(u"client"_s, rsa, u"/CN=mqttscope-test-client"_s, u"client_ext"_s, 3)
        && signedByCa(u"client-ec"_s, ec, u"/CN=mqttscope-test-client-ec"_s, u"client_ext"_s, 4)
        && run({u"pkey"_s, u"-in"_s, u"client.key"_s, u"-aes256"_s, u"-passout"_s, keyPass,
                u"-out"_s, u"client-encrypted.key"_s})
        && run({u"rsa"_s, u"-in"_s, u"client.key"_s, u"-aes256"_s, u"-traditional"_s, u"-passout"_s,
                keyPass, u"-out"_s, u"client-encrypted-traditional.key"_s})
        // OpenSSL 3's default PKCS#12 algorithms (AES-256-CBC, PBKDF2, SHA-256 MAC).
        && run({u"pkcs12"_s, u"-export"_s, u"-in"_s, u"client.pem"_s, u"-inkey"_s, u"client.key"_s,
                u"-certfile"_s, u"ca.pem"_s, u"-passout"_s,
                u"pass:"_s + QString::fromUtf8(pkcs12Passphrase()), u"-out"_s, u"client.p12"_s});
    if (!ok)
        return false;
    makeWorldReadable(m_dir.path());
    m_generated = true;
    return true;
}

} // namespace mqttscope::test
