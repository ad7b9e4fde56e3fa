// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// .proto files written into a test's temporary folder: one that compiles and one whose fourth
// line names a type that does not exist, so the compiler's message has a known file and line.
#include <QDir>
#include <QFile>
#include <QString>

namespace mqttscope::test {

inline QString writeFile(const QString &folder, const QString &name, const QByteArray &text)
{
    const QString path = QDir(folder).filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        return {};
    return path;
}

inline QString writeFleetProto(const QString &folder)
{
    return writeFile(folder, QStringLiteral("fleet.proto"),
                     "syntax = \"proto3\";\n"
                     "package fleet.v1;\n"
                     "message Position {\n"
                     "  string vehicle = 1;\n"
                     "  double latitude = 2;\n"
                     "}\n"
                     "message Status { bool moving = 1; }\n");
}

inline QString writeBrokenProto(const QString &folder)
{
    return writeFile(folder, QStringLiteral("broken.proto"),
                     "syntax = \"proto3\";\n"
                     "package broken.v1;\n"
                     "message Reading {\n"
                     "  Positon where = 1;\n"
                     "}\n");
}

} // namespace mqttscope::test
