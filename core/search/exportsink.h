// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "explorer/messagewriter.h"
#include "search/searchsink.h"

#include <QFile>

#include <memory>
#include <optional>

namespace mqttscope {

// Writes every match of a search to a file (JSON lines or CSV, see MessageWriter); the result's
// total is the number written.
class ExportSink : public SearchSink
{
public:
    // Null, with `error` saying why, when the file cannot be created.
    static std::unique_ptr<ExportSink> create(const QString &path, MessageWriter::Format format,
                                              QString *error);

    void add(const FoundMessage &message) override;
    void finish(SearchResult &result) override;

private:
    ExportSink(const QString &path, MessageWriter::Format format);

    QFile m_file;
    std::optional<MessageWriter> m_writer;
};

} // namespace mqttscope
