// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

namespace mqttscope::test {

// fleet.proto (fleet.v1.Position) in a folder of its own, compiled by protoc for python3-protobuf,
// and Debian's /usr/bin/python3 (which has python3-protobuf and python3-msgpack, unlike a pyenv
// python3 first on PATH) run with that folder on sys.path: encoders and decoders nobody here wrote.
class FleetProto
{
public:
    static const QByteArray schema;

    // Writes protoFile() and runs protoc on it; false with *error.
    bool compile(QString *error) const;
    QString protoFile() const;
    QString filePath(const QString &name) const; // another file in the folder
    // The program's stdout (`sys` imported, `fleet_pb2` importable); a warning when it fails.
    QByteArray python(const QString &program, const QByteArray &input = {}) const;

private:
    QTemporaryDir m_dir;
};

} // namespace mqttscope::test
