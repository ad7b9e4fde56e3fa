// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

namespace mqttscope::test {

// Certificates made at test time with the `openssl` command, in a world-readable temporary
// folder (mosquitto started as root reads them as user `mosquitto`). Removed on destruction.
//
//   TestCertificates certs;
//   if (!certs.generate()) QFAIL(qPrintable(certs.errorString()));
//   options.caFile = certs.caFile();
//
// Contents: a CA; a server certificate signed by it for 127.0.0.1, localhost and ::1; a client
// certificate signed by it (CN "mqttscope-test-client") with its RSA key in PEM (plain and
// passphrase-encrypted, PKCS#8 and traditional) and as PKCS#12; a client certificate with an
// EC key; and an unrelated second CA for "wrong CA" tests.
class TestCertificates
{
public:
    TestCertificates();
    ~TestCertificates();
    TestCertificates(const TestCertificates &) = delete;
    TestCertificates &operator=(const TestCertificates &) = delete;

    // Makes all files (a second call does nothing). False on failure, see errorString().
    bool generate();
    bool isGenerated() const { return m_generated; }
    QString errorString() const { return m_error; }

    QString dir() const;
    // The files generate() makes, in dir().
    QString caFile() const { return path("ca.pem"); } // the CA that signed server and client
    QString otherCaFile() const { return path("other-ca.pem"); } // signed nothing here
    QString serverCertFile() const { return path("server.pem"); }
    QString serverKeyFile() const { return path("server.key"); } // unencrypted
    QString clientCertFile() const { return path("client.pem"); }
    QString clientKeyFile() const { return path("client.key"); } // RSA, unencrypted
    // "BEGIN ENCRYPTED PRIVATE KEY" (PKCS#8)
    QString clientEncryptedKeyFile() const { return path("client-encrypted.key"); }
    // "Proc-Type: 4,ENCRYPTED" (legacy PEM)
    QString clientEncryptedTraditionalKeyFile() const
    {
        return path("client-encrypted-traditional.key");
    }
    // client cert + key + CA
    QString clientPkcs12File() const { return path("client.p12"); }
    QString clientEcCertFile() const { return path("client-ec.pem"); }
    QString clientEcKeyFile() const { return path("client-ec.key"); } // EC P-256, unencrypted

    static QByteArray clientKeyPassphrase(); // for both encrypted keys
    static QByteArray pkcs12Passphrase();

private:
    bool run(const QStringList &arguments);
    QString path(const char *fileName) const { return m_dir.filePath(QLatin1StringView(fileName)); }

    QTemporaryDir m_dir;
    QString m_openssl;
    QString m_error;
    bool m_generated = false;
};

} // namespace mqttscope::test
