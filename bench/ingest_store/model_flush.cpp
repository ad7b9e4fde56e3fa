// SPDX-License-Identifier: GPL-3.0-or-later
// What one flush of the topic tree model costs the GUI thread under a flood: the model with its
// sort/filter proxy (no window), fed `--rate` messages per second over `--topics` topics and
// flushed every `--interval` ms, as TopicTreeModel's timer would. Prints the flush time
// percentiles; a flush well under the interval leaves the event loop free.
//
//   model_flush [--rate 50000] [--topics 100000] [--interval 50] [--seconds 10] [--filter TEXT]
//               [--expand DEPTH] [--json]
//
// --expand maps the proxy's rows down to DEPTH levels once all topics exist, as a view with
// those levels expanded would (4 maps every topic: the worst case).

#include "models/topicsortfilterproxymodel.h"
#include "models/topictreemodel.h"

#include <QGuiApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>

using namespace mqttscope;
using namespace Qt::Literals::StringLiterals;

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    qint64 rate = 50'000;
    int topics = 100'000;
    int interval = 50;
    int seconds = 10;
    QString filter;
    bool json = false;
    int expandDepth = 0;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        const auto next = [&] { return i + 1 < args.size() ? args[++i] : QString(); };
        if (args[i] == "--rate"_L1)
            rate = next().toLongLong();
        else if (args[i] == "--topics"_L1)
            topics = next().toInt();
        else if (args[i] == "--interval"_L1)
            interval = next().toInt();
        else if (args[i] == "--seconds"_L1)
            seconds = next().toInt();
        else if (args[i] == "--filter"_L1)
            filter = next();
        else if (args[i] == "--expand"_L1)
            expandDepth = next().toInt();
        else if (args[i] == "--json"_L1)
            json = true;
        else
            qFatal("unknown argument %s", qPrintable(args[i]));
    }

    ExplorerData data;
    TopicTreeModel model(&data);
    TopicSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.sort(TopicTreeModel::TopicColumn);
    if (!filter.isEmpty())
        model.setFilter(TopicFilter(TopicFilter::Mode::Substring, filter));

    QList<QByteArray> names;
    for (int i = 0; i < topics; ++i)
        names.append("flood/" + QByteArray::number(i % 100) + "/" + QByteArray::number(i / 100 % 10)
                     + "/sensor" + QByteArray::number(i));

    // Asking for rows is what makes the proxy build its mapping of a parent.
    const auto expand = [&proxy](auto &&self, const QModelIndex &parent, int depth) -> void {
        if (depth == 0)
            return;
        for (int row = 0; row < proxy.rowCount(parent); ++row)
            self(self, proxy.index(row, 0, parent), depth - 1);
    };

    const qint64 perFlush = qMax<qint64>(1, rate * interval / 1000);
    const int flushes = seconds * 1000 / qMax(1, interval);
    QList<double> ms;
    qint64 sent = 0;
    for (int f = 0; f < flushes; ++f) {
        QList<Message> batch;
        batch.reserve(perFlush);
        for (qint64 i = 0; i < perFlush; ++i, ++sent) {
            Message m;
            m.topic = names[sent % topics];
            m.payload = "{\"value\":" + QByteArray::number(sent % 1000) + "}";
            batch.append(std::move(m));
        }
        model.enqueue(batch);
        if (sent >= topics && sent - perFlush < topics)
            expand(expand, QModelIndex(), expandDepth);
        QElapsedTimer timer;
        timer.start();
        model.flush();
        ms.append(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    const auto at = [&ms](double q) {
        return ms[qMin(ms.size() - 1, qsizetype(q * double(ms.size())))];
    };
    const QJsonObject row{
        {u"name"_s, filter.isEmpty() ? u"model flush"_s : u"model flush, filtered"_s},
        {u"msg_per_s"_s, double(rate)},
        {u"topics"_s, double(topics)},
        {u"interval_ms"_s, interval},
        {u"flush_p50_ms"_s, at(0.5)},
        {u"flush_p99_ms"_s, at(0.99)},
        {u"flush_max_ms"_s, ms.last()},
        {u"expanded_depth"_s, expandDepth},
    };
    if (json) {
        std::printf("%s\n", QJsonDocument(row).toJson(QJsonDocument::Compact).constData());
    } else {
        for (auto it = row.begin(); it != row.end(); ++it)
            std::printf("%s=%s  ", qPrintable(it.key()),
                        qPrintable(it.value().isString() ? it.value().toString()
                                                         : QString::number(it.value().toDouble())));
        std::printf("\n");
    }
    return 0;
}
