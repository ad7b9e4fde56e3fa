// SPDX-License-Identifier: GPL-3.0-or-later
#include "profilepayloaddecoder.h"

#include "decode/payloaddecoder.h"
#include "decode/protobufschemas.h"

namespace mqttscope {

std::shared_ptr<const PayloadDecoder> payloadDecoderFor(const ConnectionProfile &profile,
                                                        QStringList *problems)
{
    std::shared_ptr<const ProtobufSchemas> schemas;
    if (!profile.protoFiles.isEmpty()) {
        QList<ProtobufSchemas::Problem> found;
        schemas = ProtobufSchemas::load(profile.protoFiles, profile.protoImportPaths, &found);
        for (const ProtobufSchemas::Problem &problem : std::as_const(found))
            problems->append(problem.text());
    }
    return std::make_shared<const PayloadDecoder>(profile.formatRules, schemas);
}

} // namespace mqttscope
