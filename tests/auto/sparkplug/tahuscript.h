// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "aedesbroker.h"

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

// Runs tests/auto/sparkplug/tahu.cjs with Node and Eclipse Tahu's sparkplug-payload from
// tests/brokers/aedes/node_modules (scripts/install-test-brokers.sh installs it).
struct TahuScript
{
    // Empty when node and the package are there, else what is missing (the test skips).
    static QString missing()
    {
        if (mqttscope::test::AedesBroker::nodeProgram().isEmpty())
            return QStringLiteral("node is not installed");
        if (!QFile::exists(mqttscope::test::AedesBroker::packageFolder()
                           + QStringLiteral("/node_modules/sparkplug-payload/package.json")))
            return QStringLiteral("sparkplug-payload missing: run scripts/install-test-brokers.sh");
        return {};
    }
    // The script's stdout, or a null array with *error.
    static QByteArray run(const QStringList &arguments, QString *error)
    {
        QProcess node;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("NODE_PATH"),
                   mqttscope::test::AedesBroker::packageFolder() + QStringLiteral("/node_modules"));
        node.setProcessEnvironment(env);
        const QString script = qEnvironmentVariable("MQTTSCOPE_SOURCE_DIR")
            + QStringLiteral("/tests/auto/sparkplug/tahu.cjs");
        node.start(mqttscope::test::AedesBroker::nodeProgram(), QStringList{script} + arguments);
        if (!node.waitForFinished(30000) || node.exitStatus() != QProcess::NormalExit
            || node.exitCode() != 0) {
            *error = QString::fromUtf8(node.readAllStandardError());
            return {};
        }
        QByteArray out = node.readAllStandardOutput();
        return out.isNull() ? QByteArray("") : out;
    }
};
