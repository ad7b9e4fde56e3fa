// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace mqttscope::test {

// Eclipse Tahu's JavaScript Sparkplug B codec (npm sparkplug-payload, installed into
// tests/brokers/aedes/node_modules by scripts/install-test-brokers.sh), run by
// tests/common/tahu.cjs with Node: payloads made and read by code nobody here wrote. Each Tahu has
// a folder of its own.
class Tahu
{
public:
    // Empty when node and the package are there, else what is missing (the test skips).
    static QString missing();

    // `tahu.cjs encode|session FOLDER`: its payloads as folder()/<name>.bin (encode adds
    // cases.json, the inputs). False with *error when the script fails.
    bool write(const QString &command, QString *error) const;
    QString folder() const { return m_dir.path(); }
    QByteArray payload(const QString &name) const; // folder()/<name>.bin, empty when missing
    QByteArray payload(const char *name) const { return payload(QString::fromLatin1(name)); }
    // Tahu's reading of `payload`; an empty object with *error when it cannot read it.
    QJsonObject decode(const QByteArray &payload, QString *error) const;

private:
    // The script's stdout, or a null array with *error.
    static QByteArray run(const QStringList &arguments, QString *error);

    QTemporaryDir m_dir;
};

} // namespace mqttscope::test
