// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulatedsensor.h"

#include "decode/messagepack.h"
#include "demo_telemetry.pb.h"

#include <QCborMap>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace mqttscope {

namespace {

double rounded(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

} // namespace

SimulatedSensor::SimulatedSensor(int line, int number, quint32 seed)
    : m_line(line)
    , m_number(number)
    , m_random(seed)
{
    m_setPoint = 18.0 + m_random.bounded(80) / 10.0; // 18.0 .. 25.9 degrees
    m_temperature = m_setPoint + (m_random.bounded(20) - 10) / 10.0;
    m_humidity = 35.0 + m_random.bounded(300) / 10.0;
    m_battery = 60.0 + m_random.bounded(40);
    m_rssi = -45 - int(m_random.bounded(40));
}

QByteArray SimulatedSensor::topicPrefix(const QByteArray &root) const
{
    return root + "/factory/" + deviceName();
}

QByteArray SimulatedSensor::deviceName() const
{
    return "line" + QByteArray::number(m_line) + "/sensor-"
        + QByteArray::number(m_number).rightJustified(3, '0');
}

void SimulatedSensor::step()
{
    ++m_sequence;
    const auto noise = [this](double amplitude) {
        return (m_random.generateDouble() * 2 - 1) * amplitude;
    };
    m_temperature += 0.08 * (m_setPoint - m_temperature) + noise(0.15);
    m_humidity = qBound(5.0, m_humidity + noise(0.3), 95.0);
    m_battery = qMax(0.0, m_battery - m_random.generateDouble() * 0.01);
    if (m_battery < 5.0)
        m_battery = 100.0; // someone changed the battery
    m_rssi = qBound(-100, m_rssi + int(m_random.bounded(5)) - 2, -30);
}

QByteArray SimulatedSensor::telemetryJson() const
{
    const QJsonObject object{
        {u"temperature"_s, rounded(m_temperature, 2)},
        {u"humidity"_s, rounded(m_humidity, 1)},
        {u"battery"_s, int(m_battery)},
        {u"rssi"_s, m_rssi},
        {u"seq"_s, qint64(m_sequence)},
        {u"ts"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
    };
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray SimulatedSensor::temperatureText() const
{
    return QByteArray::number(rounded(m_temperature, 1), 'f', 1);
}

QByteArray SimulatedSensor::packedStruct() const
{
    QByteArray bytes(10, '\0');
    char *out = bytes.data();
    qToLittleEndian<quint32>(m_sequence, out);
    qToLittleEndian<qint16>(qint16(std::lround(m_temperature * 100)), out + 4);
    qToLittleEndian<quint16>(quint16(std::lround(m_humidity * 100)), out + 6);
    out[8] = char(quint8(m_battery));
    out[9] = char(qint8(m_rssi));
    return bytes;
}

QByteArray SimulatedSensor::telemetryCbor() const
{
    const QCborMap map{
        {u"t"_s, rounded(m_temperature, 2)},
        {u"h"_s, rounded(m_humidity, 1)},
        {u"bat"_s, int(m_battery)},
        {u"seq"_s, qint64(m_sequence)},
    };
    return map.toCborValue().toCbor();
}

QByteArray SimulatedSensor::telemetryProtobuf() const
{
    demo::Telemetry telemetry;
    telemetry.set_device(deviceName().toStdString());
    telemetry.set_seq(m_sequence);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    telemetry.mutable_time()->set_seconds(now / 1000);
    telemetry.mutable_time()->set_nanos(int(now % 1000) * 1000000);
    telemetry.set_temperature(rounded(m_temperature, 2));
    telemetry.set_humidity(float(rounded(m_humidity, 1)));
    telemetry.set_battery(quint32(m_battery));
    telemetry.set_rssi(m_rssi);
    telemetry.set_health(m_battery < 20 ? demo::Telemetry::LOW_BATTERY : demo::Telemetry::OK);
    for (int axis = 0; axis < 3; ++axis)
        telemetry.add_vibration(float(rounded(std::abs(std::sin(m_sequence * 0.3 + axis)), 3)));
    (*telemetry.mutable_labels())["site"] = "plant-3";
    (*telemetry.mutable_labels())["line"] = std::to_string(m_line);
    const std::string bytes = telemetry.SerializeAsString();
    return QByteArray(bytes.data(), qsizetype(bytes.size()));
}

QByteArray SimulatedSensor::telemetryMessagePack() const
{
    QString error;
    return MessagePack::fromJson(telemetryJson(), &error).value_or(QByteArray());
}

QByteArray SimulatedSensor::firmwareJson() const
{
    const QJsonObject object{
        {u"version"_s, u"2.%1.%2"_s.arg(m_line % 3).arg(m_number % 7)},
        {u"hardware"_s, m_number % 10 == 0 ? u"esp32-s3"_s : u"nrf52840"_s},
        {u"serial"_s, u"SN-%1-%2"_s.arg(m_line).arg(m_number, 4, 10, QChar(u'0'))},
    };
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace mqttscope
