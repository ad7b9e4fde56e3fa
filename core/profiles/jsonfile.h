// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonDocument>
#include <QString>

namespace mqttscope {

// The JSON files of the profiles layer (profiles.json, saved-messages.json): read with the same
// cases (missing, unreadable, not JSON) and written the same way (atomically through QSaveFile,
// readable by the owner only). The caller words the errors: its tr() context is where the
// translations carry them.
class JsonFile
{
public:
    struct Wording
    {
        QString cannotRead; // %1 the path, %2 why
        QString notJson; // %1 the parse error, %2 its offset
        QString cannotWrite; // %1 the path, %2 why
    };

    enum class Problem { None, Missing, Unreadable, NotJson, Unwritable };

    struct Result
    {
        Problem problem = Problem::None;
        QJsonDocument document; // after read() or parse() without a problem
        QString error; // worded, empty for None and Missing

        bool ok() const { return problem == Problem::None; }
    };

    static Result read(const QString &path, const Wording &wording);
    static Result parse(const QByteArray &json, const Wording &wording);
    // Creates the folder when it is missing.
    static Result write(const QString &path, const QByteArray &json, const Wording &wording);
};

} // namespace mqttscope
