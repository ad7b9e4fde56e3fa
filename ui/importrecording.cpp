// SPDX-License-Identifier: GPL-3.0-or-later
#include "importrecording.h"

#include "search/messageimport.h"

#include <QApplication>
#include <QEventLoop>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>
#include <QThread>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {
namespace {

QString tr(const char *text, int n = -1)
{
    return QApplication::translate("ImportRecording", text, nullptr, n);
}

// The import on a thread of its own, the window kept drawing behind a busy dialog.
MessageImport::Report runInBackground(QWidget *parent, const QString &input, const QString &output)
{
    MessageImport::Report report;
    QProgressDialog busy(tr("Importing %1…").arg(QFileInfo(input).fileName()), QString(), 0, 0,
                         parent);
    busy.setWindowModality(Qt::WindowModal);
    busy.show();
    QEventLoop loop;
    QThread *thread = QThread::create([&report, input, output] {
        QFile file(input);
        if (!file.open(QIODevice::ReadOnly)) {
            report.error = tr("Cannot read %1: %2").arg(input, file.errorString());
            return;
        }
        report = MessageImport::run(file, output, MessageImport::Format::Auto);
    });
    QObject::connect(thread, &QThread::finished, &loop, &QEventLoop::quit);
    thread->start();
    loop.exec();
    thread->wait();
    delete thread;
    return report;
}

} // namespace

void importIntoRecording(QWidget *parent, const std::function<void(const QString &)> &open)
{
    const QString title = tr("Import into recording");
    const QString input = QFileDialog::getOpenFileName(
        parent, title, {},
        tr("JSON lines or mosquitto_sub -v output (*.jsonl *.json *.txt *.log);;All files (*)"));
    if (input.isEmpty())
        return;
    const QFileInfo info(input);
    const QString output = QFileDialog::getSaveFileName(
        parent, tr("New recording"), info.dir().filePath(info.completeBaseName() + u".mqttrec"_s),
        tr("Recordings (*.mqttrec *.sqlite *.db);;All files (*)"), nullptr,
        QFileDialog::DontConfirmOverwrite); // an existing file is refused, never overwritten
    if (output.isEmpty())
        return;
    const MessageImport::Report report = runInBackground(parent, input, output);
    if (!report.error.isEmpty()) {
        QMessageBox::warning(parent, title, report.error);
        return;
    }
    QString text = tr("Imported %n message(s) into %1.", int(report.imported)).arg(output);
    if (report.format == MessageImport::Format::MosquittoVerbose)
        text += u"\n"_s
            + tr("mosquitto_sub -v output holds no time, QoS or properties: each message has the "
                 "time of the import and QoS 0.");
    QMessageBox box(QMessageBox::Information, title, text, QMessageBox::Open | QMessageBox::Close,
                    parent);
    box.setDetailedText(MessageImport::describe(report)); // the skipped lines, by number
    if (report.skipped > 0)
        box.setInformativeText(
            tr("%n line(s) could not be read and were skipped.", int(report.skipped)));
    if (box.exec() == QMessageBox::Open)
        open(output);
}

} // namespace mqttscope
