// SPDX-License-Identifier: GPL-3.0-or-later
#include "search/exportsink.h"

#include "search/searchresult.h"

#include <QCoreApplication>

namespace mqttscope {

ExportSink::ExportSink(const QString &path, MessageWriter::Format format)
    : m_file(path)
{
    if (m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        m_writer.emplace(m_file, format);
}

std::unique_ptr<ExportSink> ExportSink::create(const QString &path, MessageWriter::Format format,
                                               QString *error)
{
    std::unique_ptr<ExportSink> sink(new ExportSink(path, format));
    if (sink->m_writer)
        return sink;
    if (error) {
        *error = QCoreApplication::translate("ExportSink", "Cannot write %1: %2")
                     .arg(path, sink->m_file.errorString());
    }
    return nullptr;
}

void ExportSink::add(const FoundMessage &found)
{
    Message message;
    message.topic = found.topic.toByteArray();
    message.payload = found.payload;
    message.qos = found.qos;
    message.retain = found.retain;
    message.dup = found.dup;
    if (!found.properties.isEmpty())
        message.properties = found.properties;
    m_writer->write(message, found.timeUs / 1000);
}

void ExportSink::finish(SearchResult &result)
{
    result.total = m_writer->count();
    if (!m_writer->flush())
        result.error = m_writer->error();
    m_file.close();
}

} // namespace mqttscope
