// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Programs run as a user runs them (mqttscope-cli, mosquitto_sub, mosquitto_pub): started,
// waited for with a bound, their exit code and output collected.

#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include <memory>

namespace mqttscope::test {

inline constexpr int defaultProcessTimeoutMs = 30000;

// mosquitto_sub and mosquitto_pub, the clients the tests run beside ours and compare with.
struct MosquittoClients
{
    static constexpr const char *notInstalled =
        "mosquitto_sub/mosquitto_pub not installed: run scripts/install-deps.sh";

    QString sub = QStandardPaths::findExecutable(QStringLiteral("mosquitto_sub"));
    QString pub = QStandardPaths::findExecutable(QStringLiteral("mosquitto_pub"));

    bool installed() const { return !sub.isEmpty() && !pub.isEmpty(); }
};

struct Finished
{
    int exitCode = -1; // -1 also when the program crashed or had to be killed
    QByteArray out;
    QByteArray err;
};

inline std::unique_ptr<QProcess> launch(const QString &program, const QStringList &arguments)
{
    auto process = std::make_unique<QProcess>();
    process->start(program, arguments);
    if (!process->waitForStarted())
        qWarning("could not start %s: %s", qPrintable(program), qPrintable(process->errorString()));
    return process;
}

// Runs the event loop meanwhile: a client or a fake broker of the test may live on this thread
// and have to answer the program.
inline Finished waitFor(QProcess &process, int timeoutMs = defaultProcessTimeoutMs)
{
    if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, timeoutMs)) {
        qWarning("%s did not finish within %d ms, killed", qPrintable(process.program()),
                 timeoutMs);
        process.kill();
        process.waitForFinished();
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

// `input` is written to the program's stdin, which is then closed.
inline Finished run(const QString &program, const QStringList &arguments,
                    const QByteArray &input = {})
{
    auto process = launch(program, arguments);
    process->write(input);
    process->closeWriteChannel();
    return waitFor(*process);
}

} // namespace mqttscope::test
