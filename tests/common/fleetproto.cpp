// SPDX-License-Identifier: GPL-3.0-or-later
#include "fleetproto.h"
#include "testprocess.h"

#include <QFile>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope::test {

const QByteArray FleetProto::schema = R"(syntax = "proto3";
package fleet.v1;
message Position {
  string vehicle = 1;
  double lat = 2;
  double lon = 3;
  int64 odometer = 4;
  repeated int32 alarms = 5;
}
)";

bool FleetProto::compile(QString *error) const
{
    QFile proto(protoFile());
    if (!m_dir.isValid() || !proto.open(QIODevice::WriteOnly)) {
        *error = proto.errorString();
        return false;
    }
    proto.write(schema);
    proto.close();
    const Finished protoc = run(
        u"protoc"_s, {u"--python_out="_s + m_dir.path(), u"-I"_s + m_dir.path(), proto.fileName()});
    *error = QString::fromUtf8(protoc.err);
    return protoc.exitCode == 0;
}

QString FleetProto::protoFile() const
{
    return filePath(u"fleet.proto"_s);
}

QString FleetProto::filePath(const QString &name) const
{
    return m_dir.filePath(name);
}

QByteArray FleetProto::python(const QString &program, const QByteArray &input) const
{
    const Finished result = run(
        u"/usr/bin/python3"_s,
        {u"-c"_s, u"import sys; sys.path.insert(0, '%1')\n%2"_s.arg(m_dir.path(), program)}, input);
    if (result.exitCode != 0)
        qWarning() << result.err;
    return result.out;
}

} // namespace mqttscope::test
