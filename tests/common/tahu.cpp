// SPDX-License-Identifier: GPL-3.0-or-later
#include "tahu.h"
#include "aedesbroker.h"

#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope::test {

QString Tahu::missing()
{
    if (AedesBroker::nodeProgram().isEmpty())
        return u"node is not installed"_s;
    if (!QFile::exists(AedesBroker::packageFolder()
                       + u"/node_modules/sparkplug-payload/package.json"_s))
        return u"sparkplug-payload missing: run scripts/install-test-brokers.sh"_s;
    return {};
}

bool Tahu::write(const QString &command, QString *error) const
{
    return !run({command, folder()}, error).isNull();
}

QByteArray Tahu::payload(const QString &name) const
{
    QFile file(m_dir.filePath(name + u".bin"_s));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QJsonObject Tahu::decode(const QByteArray &payload, QString *error) const
{
    QFile file(m_dir.filePath(u"decode.bin"_s));
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return {};
    }
    file.write(payload);
    file.close();
    return QJsonDocument::fromJson(run({u"decode"_s, file.fileName()}, error)).object();
}

QByteArray Tahu::run(const QStringList &arguments, QString *error)
{
    QProcess node;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"NODE_PATH"_s, AedesBroker::packageFolder() + u"/node_modules"_s);
    node.setProcessEnvironment(env);
    node.start(AedesBroker::nodeProgram(),
               QStringList{QStringLiteral(MQTTSCOPE_TAHU_SCRIPT)} + arguments);
    if (!node.waitForFinished(30000) || node.exitStatus() != QProcess::NormalExit
        || node.exitCode() != 0) {
        *error = QString::fromUtf8(node.readAllStandardError());
        return {};
    }
    QByteArray out = node.readAllStandardOutput();
    return out.isNull() ? QByteArray("") : out;
}

} // namespace mqttscope::test
