// SPDX-License-Identifier: GPL-3.0-or-later
#include "transport/tlsconfiguration.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QSslCertificate>
#include <QSslKey>

#include <openssl/provider.h>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

namespace {

Q_LOGGING_CATEGORY(lcTls, "mqttscope.transport.tls")

// The context lupdate files these strings under: the enclosing namespace (or class).
QString tr(const char *text)
{
    return QCoreApplication::translate("mqttscope", text);
}

std::optional<QByteArray> readFile(const QString &path, const QString &what, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1 %2: %3").arg(what, path, file.errorString());
        return std::nullopt;
    }
    return file.readAll();
}

// All certificates of a PEM bundle, or of a single DER certificate.
QList<QSslCertificate> certificatesIn(const QByteArray &data)
{
    QList<QSslCertificate> certificates = QSslCertificate::fromData(data, QSsl::Pem);
    if (certificates.isEmpty())
        certificates = QSslCertificate::fromData(data, QSsl::Der);
    return certificates;
}

std::optional<QList<QSslCertificate>> readCertificates(const QString &path, const QString &what,
                                                       QString *error)
{
    const auto data = readFile(path, what, error);
    if (!data)
        return std::nullopt;
    QList<QSslCertificate> certificates = certificatesIn(*data);
    if (certificates.isEmpty()) {
        *error = tr("No certificate found in %1 %2 (expected PEM)").arg(what, path);
        return std::nullopt;
    }
    return certificates;
}

std::optional<QList<QSslCertificate>> readCaDirectory(const QString &path, QString *error)
{
    const QDir dir(path);
    if (!dir.exists()) {
        *error = tr("CA directory %1 does not exist").arg(path);
        return std::nullopt;
    }
    QList<QSslCertificate> certificates;
    const QStringList files = dir.entryList(QDir::Files | QDir::Readable);
    for (const QString &name : files) {
        QFile file(dir.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            certificates += QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    }
    if (certificates.isEmpty()) {
        *error = tr("No PEM certificate found in CA directory %1").arg(path);
        return std::nullopt;
    }
    return certificates;
}

// A PEM private key: RSA, then EC (Qt needs the algorithm up front).
std::optional<QSslKey> readPrivateKey(const QString &path, const QByteArray &passphrase,
                                      QString *error)
{
    const auto data = readFile(path, tr("key file"), error);
    if (!data)
        return std::nullopt;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        QSslKey key(*data, algorithm, QSsl::Pem, QSsl::PrivateKey, passphrase);
        if (!key.isNull())
            return key;
    }
    if (isEncryptedKey(*data)) {
        *error = passphrase.isEmpty()
            ? tr("Key file %1 is encrypted: a passphrase is needed").arg(path)
            : tr("Cannot decrypt key file %1: wrong passphrase?").arg(path);
    } else {
        *error = tr("Cannot read key file %1 (expected a PEM RSA or EC private key)").arg(path);
    }
    return std::nullopt;
}

// OpenSSL 3 decrypts RC2/3DES-protected PKCS#12 files (`openssl pkcs12 -export -legacy`, most
// older exports) only with its legacy provider. Qt uses the same libcrypto, so loading it into
// the default context lets Qt read them. Done once, only when such a file needs it; the TLS
// cipher lists never pick these algorithms.
bool loadLegacyOpenSslAlgorithms()
{
    static const bool loaded = [] {
        // Loading a provider explicitly stops the implicit default one: keep it too.
        const bool ok =
            OSSL_PROVIDER_load(nullptr, "default") && OSSL_PROVIDER_load(nullptr, "legacy");
        qCInfo(lcTls) << "OpenSSL legacy provider for an old PKCS#12 file:"
                      << (ok ? "loaded" : "unavailable");
        return ok;
    }();
    return loaded;
}

bool importPkcs12(const QString &path, const QByteArray &passphrase, QSslKey *key,
                  QSslCertificate *certificate, QList<QSslCertificate> *chain, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read PKCS#12 file %1: %2").arg(path, file.errorString());
        return false;
    }
    return QSslCertificate::importPkcs12(&file, key, certificate, chain, passphrase);
}

bool applyPkcs12(const TlsOptions &options, QSslConfiguration &config, QString *error)
{
    QSslKey key;
    QSslCertificate certificate;
    QList<QSslCertificate> chain;
    const auto import = [&] {
        return importPkcs12(options.pkcs12File, options.pkcs12Passphrase, &key, &certificate,
                            &chain, error);
    };
    if (!import() && (!error->isEmpty() || !loadLegacyOpenSslAlgorithms() || !import())) {
        if (error->isEmpty())
            *error = tr("Cannot read PKCS#12 file %1: wrong passphrase or unsupported format")
                         .arg(options.pkcs12File);
        return false;
    }
    config.setPrivateKey(key);
    config.setLocalCertificateChain(QList<QSslCertificate>{certificate} + chain);
    return true;
}

bool applyCertificateAndKey(const TlsOptions &options, QSslConfiguration &config, QString *error)
{
    if (options.keyFile.isEmpty()) {
        *error = tr("Client certificate %1 given without its key file").arg(options.certFile);
        return false;
    }
    if (options.certFile.isEmpty()) {
        *error = tr("Client key %1 given without its certificate file").arg(options.keyFile);
        return false;
    }
    const auto certificates = readCertificates(options.certFile, tr("client certificate"), error);
    if (!certificates)
        return false;
    const auto key = readPrivateKey(options.keyFile, options.keyPassphrase, error);
    if (!key)
        return false;
    // The leaf first, then any intermediates the file carries.
    config.setLocalCertificateChain(*certificates);
    config.setPrivateKey(*key);
    return true;
}

} // namespace

std::optional<QSslConfiguration> makeSslConfiguration(const TlsOptions &options, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    // The default configuration carries the OS trust store.
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    if (!options.caFile.isEmpty()) {
        const auto certificates = readCertificates(options.caFile, tr("CA file"), error);
        if (!certificates)
            return std::nullopt;
        config.setCaCertificates(*certificates);
    }
    if (!options.caPath.isEmpty()) {
        const auto certificates = readCaDirectory(options.caPath, error);
        if (!certificates)
            return std::nullopt;
        config.addCaCertificates(*certificates);
    }
    if (!options.pkcs12File.isEmpty()) {
        if (!applyPkcs12(options, config, error))
            return std::nullopt;
    } else if (!options.certFile.isEmpty() || !options.keyFile.isEmpty()) {
        if (!applyCertificateAndKey(options, config, error))
            return std::nullopt;
    }
    // `insecure` skips the certificate and the host name check together, as mosquitto's --insecure
    // plus a trust-anything CA would; it is never the default.
    config.setPeerVerifyMode(options.insecure ? QSslSocket::VerifyNone : QSslSocket::VerifyPeer);
    if (!options.alpn.isEmpty())
        config.setAllowedNextProtocols(options.alpn);
    return config;
}

bool isEncryptedKey(const QByteArray &pem)
{
    return pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----") || pem.contains("4,ENCRYPTED");
}

bool isEncryptedKeyFile(const QString &path)
{
    QFile file(path);
    // A key file is a few KiB; the markers are in its first lines.
    return file.open(QIODevice::ReadOnly) && isEncryptedKey(file.read(64 * 1024));
}

} // namespace mqttscope
