// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QRandomGenerator>
#include <QString>

namespace mqttscope {

// One pretend device with plausible, slowly drifting readings: temperature and humidity follow a
// random walk pulled back towards the device's own set point, the battery drains, the radio
// signal wobbles. Each step() advances the readings; the payload functions encode the current
// readings in the ways real fleets do (JSON, a bare number, a packed little-endian struct, CBOR,
// Protobuf, MessagePack).
class SimulatedSensor
{
public:
    SimulatedSensor(int line, int number, quint32 seed);

    QByteArray topicPrefix(const QByteArray &root) const; // "<root>/factory/line2/sensor-042"
    void step();

    QByteArray telemetryJson() const; // {"temperature":21.53,"humidity":48.1,"battery":97,...}
    QByteArray temperatureText() const; // "21.5"
    // seq u32, temperature centi-degrees i16, humidity centi-percent u16, battery u8, rssi i8
    // (little-endian, 10 bytes), as a microcontroller would send it.
    QByteArray packedStruct() const;
    QByteArray telemetryCbor() const;
    QByteArray telemetryProtobuf() const; // mqttscope.demo.Telemetry (demo_telemetry.proto)
    QByteArray telemetryMessagePack() const; // the JSON telemetry's fields
    QByteArray firmwareJson() const;

    bool isOnline() const { return m_online; }
    void setOnline(bool online) { m_online = online; }
    quint32 sequence() const { return m_sequence; }

private:
    QByteArray deviceName() const; // "line2/sensor-042"

    int m_line;
    int m_number;
    QRandomGenerator m_random;
    double m_setPoint;
    double m_temperature;
    double m_humidity;
    double m_battery;
    int m_rssi;
    quint32 m_sequence = 0;
    bool m_online = true;
};

} // namespace mqttscope
