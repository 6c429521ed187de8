// The child process of the crash and two-process suites. It writes through
// the engine and prints one line per event on standard output, each with a
// single write(2) so a SIGKILL can never leave half of an "ack" behind:
//
//   ready ...                      the index is open
//   sub N <op>                     op N is about to be handed to the engine
//   ack N <op>                     op N's future finished without an error
//   fail N <op> <code> <message>   op N's future finished with an error
//   error <message>                the child cannot go on
//
// <op> is "upsert ID SEED", "insert ID SEED", "delete ID", "checkpoint",
// "compact", or "batch" followed by "upsert:ID:SEED", "insert:ID:SEED",
// "delete:ID" words. Content is crashtest::itemFor(ID, SEED).
//
// Modes:
//   crash_child write DIR SEEDBASE [compact-loop]
//       Random inserts/upserts/deletes/batches with several writes in flight,
//       checkpoints (small WAL limit) and compactions, forever (until killed).
//       Ops on one id never overlap: the next op on an id is submitted only
//       after the previous one's ack/fail line is out, so per id the lines
//       are in the order the engine applied them.
//   crash_child hold DIR APPNAME
//       Opens DIR for writing and follows commands on standard input:
//       "insert FROM COUNT", "delete FROM COUNT", "checkpoint", "compact",
//       "stream FROM" (upserts until killed), "graph" (waits until the graph
//       is current, including its upkeep, and prints its status), "close".

#include "crash_common.h"

#include "sextant/Index.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFuture>
#include <QRandomGenerator>
#include <QSet>

#include <cerrno>
#include <deque>
#include <iostream>
#include <string>
#include <unistd.h>

using namespace sextant;
using namespace crashtest;

namespace {

void emitLine(const QString &text)
{
    const QByteArray line = text.toUtf8() + '\n';
    const char *p = line.constData();
    qsizetype left = line.size();
    while (left > 0) {
        const ssize_t n = ::write(STDOUT_FILENO, p, size_t(left));
        if (n < 0) {
            if (errno == EINTR) continue;
            ::_exit(3); // the parent went away
        }
        p += n;
        left -= n;
    }
}

QString oneLine(QString s)
{
    s.replace(u'\n', u' ');
    return s;
}

struct Op {
    WriteOp::Kind kind = WriteOp::Kind::Upsert;
    QString id;
    quint64 seed = 0;

    QString word(QChar sep) const
    {
        switch (kind) {
        case WriteOp::Kind::Upsert: return QStringLiteral("upsert") + sep + id + sep + QString::number(seed);
        case WriteOp::Kind::Insert: return QStringLiteral("insert") + sep + id + sep + QString::number(seed);
        case WriteOp::Kind::Delete: return QStringLiteral("delete") + sep + id;
        }
        return {};
    }
    WriteOp toWriteOp() const
    {
        switch (kind) {
        case WriteOp::Kind::Upsert: return WriteOp::upsert(itemFor(id, seed));
        case WriteOp::Kind::Insert: return WriteOp::insert(itemFor(id, seed));
        case WriteOp::Kind::Delete: return WriteOp::remove(id);
        }
        return {};
    }
};

struct Pending {
    quint64 no = 0;
    QString text;
    QList<Op> ops;     // empty for checkpoint/compact
    bool bulk = false; // written with Priority::Bulk
    QFuture<WriteResult> future;
};

// Prints the outcome of a finished op. Returns whether it succeeded.
bool report(const Pending &p)
{
    if (p.future.isCanceled() || p.future.resultCount() == 0) {
        emitLine(QStringLiteral("fail %1 %2 cancelled The future was cancelled.").arg(p.no).arg(p.text));
        return false;
    }
    const WriteResult r = p.future.result();
    if (!r.error.ok()) {
        emitLine(
            QStringLiteral("fail %1 %2 %3 %4").arg(p.no).arg(p.text, r.error.codeName(), oneLine(r.error.toString())));
        return false;
    }
    emitLine(QStringLiteral("ack %1 %2").arg(p.no).arg(p.text));
    return true;
}

QSet<QString> presentIds(const Index &index)
{
    QSet<QString> ids;
    QString after;
    forever
    {
        Result<ListPage> page = index.list(after, 500, false);
        if (!page.ok()) {
            emitLine(QStringLiteral("error list: %1").arg(oneLine(page.error().toString())));
            ::_exit(2);
        }
        for (const Item &it : page->items)
            ids.insert(it.id);
        if (page->nextAfter.isEmpty() || page->items.isEmpty()) break;
        after = page->nextAfter;
    }
    return ids;
}

int runWriter(const QString &dir, quint64 seedBase, bool compactLoop)
{
    OpenOptions options;
    options.durability = Durability::Full;
    options.checkpointWalBytes = 64 * 1024;
    options.applicationName = QStringLiteral("sextant-crash-child");
    Result<std::shared_ptr<Index>> opened = Index::open(dir, options);
    if (!opened.ok()) {
        emitLine(
            QStringLiteral("error open: %1 %2").arg(opened.error().codeName(), oneLine(opened.error().toString())));
        return 2;
    }
    std::shared_ptr<Index> index = opened.takeValue();
    QSet<QString> present = presentIds(*index);
    const OpenReport &rep = index->openReport();
    emitLine(QStringLiteral("ready items=%1 replayed=%2 tailCut=%3 cutBytes=%4 generation=%5")
                 .arg(present.size())
                 .arg(rep.replayedFrames)
                 .arg(rep.tailCut ? 1 : 0)
                 .arg(rep.cutBytes)
                 .arg(index->stats().generation));

    const QStringList pool = idPool();
    QRandomGenerator rng(quint32(seedBase ^ (seedBase >> 32) ^ 0x5eed));
    quint64 nextSeed = seedBase;
    quint64 nextNo = 1;
    QSet<QString> busy;
    std::deque<Pending> writes;
    std::optional<Pending> maintenance;
    constexpr size_t kInFlight = 8;

    auto pickId = [&](int want) -> QString { // want: 0 any, 1 absent, 2 present
        for (int tries = 0; tries < 40; ++tries) {
            const QString &id = pool.at(int(rng.bounded(pool.size())));
            if (busy.contains(id)) continue;
            if (want == 1 && present.contains(id)) continue;
            if (want == 2 && !present.contains(id)) continue;
            return id;
        }
        return {};
    };
    auto makeOp = [&](int roll) -> std::optional<Op> {
        Op op;
        if (roll < 55) {
            op.kind = WriteOp::Kind::Upsert;
            op.id = pickId(0);
        } else if (roll < 75) {
            op.kind = WriteOp::Kind::Insert;
            op.id = pickId(1);
        } else {
            op.kind = WriteOp::Kind::Delete;
            op.id = pickId(2);
        }
        if (op.id.isEmpty()) return std::nullopt;
        if (op.kind != WriteOp::Kind::Delete) op.seed = nextSeed++;
        busy.insert(op.id);
        return op;
    };
    int bulkNext = 0;
    bool bulkBusy = false; // one bulk batch at a time, so its ids are never busy twice
    auto finishOps = [&](const Pending &p, bool ok) {
        if (p.bulk) bulkBusy = false;
        for (const Op &op : p.ops) {
            if (ok) {
                if (op.kind == WriteOp::Kind::Delete)
                    present.remove(op.id);
                else
                    present.insert(op.id);
            }
            busy.remove(op.id);
        }
    };

    QElapsedTimer lifetime;
    lifetime.start();
    while (lifetime.elapsed() < 120'000) { // a safety net: the parent kills us long before
        while (writes.size() < kInFlight) {
            Pending p;
            const int roll = int(rng.bounded(100));
            if (roll < 2 && !bulkBusy) {
                // A bulk batch large enough to be ingested straight into a
                // segment; with one id of the main pool it may instead go
                // through the log (when that id is in the memtable).
                QStringList words;
                for (int i = 0; i < 2100; ++i) {
                    Op op;
                    op.kind = WriteOp::Kind::Upsert;
                    op.id = QStringLiteral("blk-%1").arg((bulkNext + i) % 3000, 5, 10, QChar(u'0'));
                    op.seed = nextSeed++;
                    p.ops << op;
                    words << op.word(u':');
                }
                bulkNext += 2100;
                if (rng.bounded(2) == 0)
                    if (std::optional<Op> op = makeOp(0)) {
                        p.ops << *op;
                        words << op->word(u':');
                    }
                p.text = QStringLiteral("batch ") + words.join(u' ');
                p.bulk = true;
                bulkBusy = true;
            } else if (roll < 10) { // an all-or-nothing batch of 2..4 distinct ids
                const int n = 2 + int(rng.bounded(3));
                QStringList words;
                for (int i = 0; i < n; ++i) {
                    if (std::optional<Op> op = makeOp(int(rng.bounded(100)))) {
                        p.ops << *op;
                        words << op->word(u':');
                    }
                }
                if (p.ops.isEmpty()) break;
                p.text = QStringLiteral("batch ") + words.join(u' ');
            } else {
                std::optional<Op> op = makeOp(int(rng.bounded(100)));
                if (!op) break;
                p.ops << *op;
                p.text = op->word(u' ');
            }
            p.no = nextNo++;
            emitLine(QStringLiteral("sub %1 %2").arg(p.no).arg(p.text));
            if (p.ops.size() == 1) {
                const Op &op = p.ops.first();
                switch (op.kind) {
                case WriteOp::Kind::Upsert: p.future = index->upsert(itemFor(op.id, op.seed)); break;
                case WriteOp::Kind::Insert: p.future = index->insert(itemFor(op.id, op.seed)); break;
                case WriteOp::Kind::Delete: p.future = index->remove(op.id); break;
                }
            } else {
                QList<WriteOp> batch;
                for (const Op &op : p.ops)
                    batch << op.toWriteOp();
                p.future = index->write(batch, p.bulk ? Priority::Bulk : Priority::Interactive);
            }
            writes.push_back(std::move(p));
        }

        if (!maintenance && (compactLoop || rng.bounded(150) == 0)) {
            Pending p;
            p.no = nextNo++;
            const bool compact = compactLoop || rng.bounded(3) == 0;
            p.text = compact ? QStringLiteral("compact") : QStringLiteral("checkpoint");
            emitLine(QStringLiteral("sub %1 %2").arg(p.no).arg(p.text));
            p.future = compact ? index->compact() : index->checkpoint();
            maintenance = std::move(p);
        }

        if (!writes.empty())
            writes.front().future.waitForFinished();
        else if (maintenance)
            maintenance->future.waitForFinished();

        for (auto it = writes.begin(); it != writes.end();) {
            if (!it->future.isFinished()) {
                ++it;
                continue;
            }
            finishOps(*it, report(*it));
            it = writes.erase(it);
        }
        if (maintenance && maintenance->future.isFinished()) {
            report(*maintenance);
            maintenance.reset();
        }
    }
    for (Pending &p : writes) {
        p.future.waitForFinished();
        report(p);
    }
    if (maintenance) {
        maintenance->future.waitForFinished();
        report(*maintenance);
    }
    const Error closed = index->close();
    emitLine(closed.ok() ? QStringLiteral("done") : QStringLiteral("error close: %1").arg(oneLine(closed.toString())));
    return closed.ok() ? 0 : 2;
}

int runHolder(const QString &dir, const QString &appName)
{
    OpenOptions options;
    options.applicationName = appName;
    options.durability = Durability::Full;
    Result<std::shared_ptr<Index>> opened = Index::open(dir, options);
    if (!opened.ok()) {
        emitLine(
            QStringLiteral("error open: %1 %2").arg(opened.error().codeName(), oneLine(opened.error().toString())));
        return 2;
    }
    std::shared_ptr<Index> index = opened.takeValue();
    emitLine(QStringLiteral("ready pid=%1 items=%2").arg(QCoreApplication::applicationPid()).arg(index->count()));

    auto idFor = [](qint64 i) { return QStringLiteral("p-%1").arg(i, 5, 10, QChar(u'0')); };
    quint64 nextNo = 1;
    auto runAll = [&](std::deque<Pending> &all) {
        for (Pending &p : all) {
            p.future.waitForFinished();
            report(p);
        }
    };

    std::string raw;
    while (std::getline(std::cin, raw)) {
        const QStringList words = QString::fromStdString(raw).split(u' ', Qt::SkipEmptyParts);
        if (words.isEmpty()) continue;
        const QString cmd = words.first();
        if ((cmd == u"insert" || cmd == u"delete") && words.size() == 3) {
            const qint64 from = words[1].toLongLong(), n = words[2].toLongLong();
            std::deque<Pending> all;
            for (qint64 i = from; i < from + n; ++i) {
                Pending p;
                p.no = nextNo++;
                if (cmd == u"insert") {
                    p.text = QStringLiteral("upsert %1 %2").arg(idFor(i)).arg(i);
                    p.future = index->upsert(itemFor(idFor(i), quint64(i)));
                } else {
                    p.text = QStringLiteral("delete %1").arg(idFor(i));
                    p.future = index->remove(idFor(i));
                }
                all.push_back(std::move(p));
            }
            runAll(all);
            emitLine(QStringLiteral("done %1").arg(cmd));
        } else if (cmd == u"checkpoint" || cmd == u"compact") {
            Pending p;
            p.no = nextNo++;
            p.text = cmd;
            p.future = cmd == u"compact" ? index->compact() : index->checkpoint();
            p.future.waitForFinished();
            report(p);
            emitLine(QStringLiteral("done %1 generation=%2").arg(cmd).arg(index->stats().generation));
        } else if (cmd == u"stream" && words.size() == 2) {
            qint64 i = words[1].toLongLong();
            std::deque<Pending> inFlight;
            forever
            { // until the parent kills us
                while (inFlight.size() < 4) {
                    Pending p;
                    p.no = nextNo++;
                    p.text = QStringLiteral("upsert %1 %2").arg(idFor(i)).arg(i);
                    p.future = index->upsert(itemFor(idFor(i), quint64(i)));
                    inFlight.push_back(std::move(p));
                    ++i;
                }
                inFlight.front().future.waitForFinished();
                report(inFlight.front());
                inFlight.pop_front();
            }
        } else if (cmd == u"graph") {
            const bool current = index->waitForGraph(60000);
            const GraphStatus g = index->graphStatus();
            emitLine(QStringLiteral("done graph current=%1 items=%2 deleted=%3 rebuilds=%4 file=%5")
                         .arg(int(current))
                         .arg(g.items)
                         .arg(g.deleted)
                         .arg(g.rebuilds)
                         .arg(g.file));
        } else if (cmd == u"close") {
            const Error e = index->close();
            emitLine(e.ok() ? QStringLiteral("done close")
                            : QStringLiteral("error close: %1").arg(oneLine(e.toString())));
            return e.ok() ? 0 : 2;
        } else {
            emitLine(QStringLiteral("error unknown command: %1").arg(QString::fromStdString(raw)));
        }
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() >= 4 && args[1] == u"write")
        return runWriter(args[2], args[3].toULongLong(), args.size() >= 5 && args[4] == u"compact-loop");
    if (args.size() == 4 && args[1] == u"hold") return runHolder(args[2], args[3]);
    std::cerr << "usage: crash_child write DIR SEEDBASE [compact-loop] | hold DIR APPNAME\n";
    return 64;
}
