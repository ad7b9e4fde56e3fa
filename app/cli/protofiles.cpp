// SPDX-License-Identifier: GPL-3.0-or-later
#include "protofiles.h"

namespace mqttscope::cli::ProtoFiles {

std::optional<std::shared_ptr<const ProtobufSchemas>> load(const SubcommandOptions &options,
                                                           QString *error)
{
    if (options.protoFiles.isEmpty())
        return std::shared_ptr<const ProtobufSchemas>();
    QList<ProtobufSchemas::Problem> problems;
    auto schemas = ProtobufSchemas::load(options.protoFiles, options.protoImportPaths, &problems);
    if (problems.isEmpty())
        return schemas;
    QStringList lines;
    for (const ProtobufSchemas::Problem &problem : problems)
        lines.append(problem.text());
    *error = lines.join(u'\n');
    return std::nullopt;
}

} // namespace mqttscope::cli::ProtoFiles
