// Crash test (docs/design.md, invariant 4): a child process writes through the engine
// with several writes in flight, frequent checkpoints and compactions, and is
// killed with SIGKILL at a random moment. The parent then checks that
// reopening yields exactly the acknowledged writes and that verify is clean.
//
// The parent's model, per id, is the set of states the id may be in
// (absent, or present with the content of seed S). The child serialises ops
// per id (a new op on an id is submitted only after the previous one's
// outcome line was printed), so per id the ops in the child's output are in
// the order the engine applied them, and only the last op on an id in one run
// can be unacknowledged. Processing a run:
//   - an acknowledged op pins the id: upsert/insert -> present(S), delete -> absent;
//   - an unacknowledged op (a "sub" line, no "ack") may or may not have been
//     applied: the id may be in any state it could have been in before, or in
//     that state with the op applied (insert on a present id is a no-op);
//   - a failed op is a failure of the test: the child only issues ops that
//     must succeed (insert of an absent id, delete of a present one);
//   - an unacknowledged batch is all or nothing: for the ids whose state was
//     known exactly before it, either every op shows or none does.
// After a reopen the observed state of every id must be one of its allowed
// states, with vector bit-exact and metadata equal, and then becomes the
// id's only allowed state. Some runs are "chained": the next child opens the
// crashed index itself (recovery under a new writer, possibly killed during
// open) and the parent checks later.
//
// SEXTANT_CRASH_ITERATIONS raises the number of kills (default 30, plus a
// quarter of that, at least 8, in the compaction loop); SEXTANT_CRASH_SEED
// replays a seed (the kill moments still depend on timing).

#include "crash_common.h"

#include "sextant/Index.h"
#include "sextant/Verifier.h"

#include <QElapsedTimer>
#include <QMap>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#ifndef CRASH_CHILD_PATH
#error "CRASH_CHILD_PATH must name the crash_child executable"
#endif

using namespace sextant;
using namespace crashtest;

namespace {

struct State {
    bool present = false;
    quint64 seed = 0;
    bool operator==(const State &) const = default;
    QString describe() const
    {
        return present ? QStringLiteral("present(seed %1)").arg(seed) : QStringLiteral("absent");
    }
};

struct ParsedOp {
    WriteOp::Kind kind = WriteOp::Kind::Upsert;
    QString id;
    quint64 seed = 0;
};

struct ChildOp {
    quint64 no = 0;
    QString text;
    QList<ParsedOp> ops; // empty for checkpoint/compact
    bool maintenance = false;
    bool compact = false;
    bool acked = false;
    QString failLine;
};

struct ChildRun {
    QMap<quint64, ChildOp> ops;
    bool ready = false;
    QString readyLine;
    QStringList problems; // protocol errors, "error" and "fail" lines
    QString stderrText;
    qint64 killedAfterMs = 0;
    qint64 readyAfterMs = -1;
    bool exitedByItself = false;
    int partialTailBytes = 0;
    QByteArray output; // everything the child printed, kept for a failure's post-mortem
};

std::optional<ParsedOp> parseWords(const QStringList &w)
{
    ParsedOp op;
    if (w.size() == 3 && (w[0] == u"upsert" || w[0] == u"insert")) {
        op.kind = w[0] == u"upsert" ? WriteOp::Kind::Upsert : WriteOp::Kind::Insert;
        op.id = w[1];
        bool ok = false;
        op.seed = w[2].toULongLong(&ok);
        if (!ok) return std::nullopt;
        return op;
    }
    if (w.size() == 2 && w[0] == u"delete") {
        op.kind = WriteOp::Kind::Delete;
        op.id = w[1];
        return op;
    }
    return std::nullopt;
}

// "upsert ID SEED" | "delete ID" | "batch upsert:ID:SEED delete:ID ..." | "checkpoint" | "compact"
std::optional<ChildOp> parseOpText(const QString &text)
{
    ChildOp c;
    c.text = text;
    const QStringList w = text.split(u' ', Qt::SkipEmptyParts);
    if (w.isEmpty()) return std::nullopt;
    if (w[0] == u"checkpoint" || w[0] == u"compact") {
        c.maintenance = true;
        c.compact = w[0] == u"compact";
        return c;
    }
    if (w[0] == u"batch") {
        for (int i = 1; i < w.size(); ++i) {
            std::optional<ParsedOp> op = parseWords(w[i].split(u':'));
            if (!op) return std::nullopt;
            c.ops << *op;
        }
        return c.ops.isEmpty() ? std::nullopt : std::optional<ChildOp>(c);
    }
    std::optional<ParsedOp> op = parseWords(w);
    if (!op) return std::nullopt;
    c.ops << *op;
    return c;
}

void handleLine(ChildRun &run, const QString &line)
{
    if (line.startsWith(u"ready")) {
        run.ready = true;
        run.readyLine = line;
        return;
    }
    if (line == u"done") return;
    if (line.startsWith(u"error")) {
        run.problems << QStringLiteral("child: %1").arg(line);
        return;
    }
    const int s1 = line.indexOf(u' '), s2 = line.indexOf(u' ', s1 + 1);
    if (s1 < 0 || s2 < 0) {
        run.problems << QStringLiteral("child printed an unknown line: %1").arg(line);
        return;
    }
    const QString kind = line.left(s1);
    bool ok = false;
    const quint64 no = line.mid(s1 + 1, s2 - s1 - 1).toULongLong(&ok);
    const QString rest = line.mid(s2 + 1);
    if (!ok) {
        run.problems << QStringLiteral("child printed an unknown line: %1").arg(line);
        return;
    }
    if (kind == u"sub") {
        std::optional<ChildOp> op = parseOpText(rest);
        if (!op || run.ops.contains(no)) {
            run.problems << QStringLiteral("child printed a bad sub line: %1").arg(line);
            return;
        }
        op->no = no;
        run.ops.insert(no, *op);
    } else if (kind == u"ack") {
        auto it = run.ops.find(no);
        if (it == run.ops.end() || it->text != rest || it->acked || !it->failLine.isEmpty()) {
            run.problems << QStringLiteral("child acknowledged an op it never submitted: %1").arg(line);
            return;
        }
        it->acked = true;
    } else if (kind == u"fail") {
        auto it = run.ops.find(no);
        if (it == run.ops.end()) {
            run.problems << QStringLiteral("child failed an op it never submitted: %1").arg(line);
            return;
        }
        it->failLine = line;
        run.problems << QStringLiteral("an op that must succeed failed: %1").arg(line);
    } else {
        run.problems << QStringLiteral("child printed an unknown line: %1").arg(line);
    }
}

void consumeLines(ChildRun &run, QByteArray &buffer)
{
    qsizetype start = 0;
    for (qsizetype nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n', start)) {
        handleLine(run, QString::fromUtf8(buffer.constData() + start, nl - start));
        start = nl + 1;
    }
    buffer.remove(0, start);
}

// Runs the child and SIGKILLs it `delayMs` after it is ready (or after it
// started, with killFromStart: that lands in open and recovery).
ChildRun runAndKill(const QString &dir, quint64 seedBase, bool compactLoop, bool killFromStart, int delayMs)
{
    ChildRun run;
    QProcess proc;
    proc.setProgram(QStringLiteral(CRASH_CHILD_PATH));
    QStringList args{QStringLiteral("write"), dir, QString::number(seedBase)};
    if (compactLoop) args << QStringLiteral("compact-loop");
    proc.setArguments(args);
    proc.start();
    if (!proc.waitForStarted(10'000)) {
        run.problems << QStringLiteral("could not start %1: %2").arg(proc.program(), proc.errorString());
        return run;
    }
    QElapsedTimer clock;
    clock.start();
    qint64 killAt = killFromStart ? delayMs : -1;
    QByteArray buffer;
    forever
    {
        const qint64 now = clock.elapsed();
        if (killAt >= 0 && now >= killAt) break;
        if (killAt < 0 && now > 20'000) {
            run.problems << QStringLiteral("the child did not become ready within 20 s");
            break;
        }
        if (proc.state() == QProcess::NotRunning) {
            run.exitedByItself = true;
            break;
        }
        const qint64 wait = killAt >= 0 ? qBound<qint64>(qint64(1), killAt - now, qint64(50)) : 50;
        proc.waitForReadyRead(int(wait));
        const QByteArray chunk = proc.readAllStandardOutput();
        run.output += chunk;
        buffer += chunk;
        const bool wasReady = run.ready;
        consumeLines(run, buffer);
        if (!wasReady && run.ready) {
            run.readyAfterMs = clock.elapsed();
            if (killAt < 0) killAt = run.readyAfterMs + delayMs;
        }
    }
    run.killedAfterMs = clock.elapsed();
    if (proc.state() != QProcess::NotRunning) {
        proc.kill(); // SIGKILL
        if (!proc.waitForFinished(10'000))
            run.problems << QStringLiteral("the child did not die within 10 s of SIGKILL");
    } else {
        run.exitedByItself = true;
    }
    const QByteArray rest = proc.readAllStandardOutput();
    run.output += rest;
    buffer += rest;
    consumeLines(run, buffer);
    run.partialTailBytes = int(buffer.size()); // a line cut by the kill: its op counts as unacknowledged
    run.stderrText = QString::fromLocal8Bit(proc.readAllStandardError());
    if (run.exitedByItself) run.problems << QStringLiteral("the child exited by itself (code %1)").arg(proc.exitCode());
    return run;
}

State applyOp(const ParsedOp &op, const State &before)
{
    switch (op.kind) {
    case WriteOp::Kind::Upsert: return State{true, op.seed};
    case WriteOp::Kind::Insert: return before.present ? before : State{true, op.seed};
    case WriteOp::Kind::Delete: return State{};
    }
    return before;
}

void addUnique(QList<State> &list, const State &s)
{
    if (!list.contains(s)) list << s;
}

QString describeStates(const QList<State> &states)
{
    QStringList parts;
    for (const State &s : states)
        parts << s.describe();
    return parts.join(QStringLiteral(" or "));
}

QString findingsText(const QList<Finding> &findings)
{
    QStringList out;
    for (const Finding &f : findings)
        out << QStringLiteral("[%1] %2 @%3: %4%5")
                   .arg(severityName(f.severity), f.file)
                   .arg(f.offset)
                   .arg(f.message, f.itemId.isEmpty() ? QString() : QStringLiteral(" (item %1)").arg(f.itemId));
    return out.join(QStringLiteral("\n    "));
}

struct UncertainBatch {
    quint64 no = 0;
    int iteration = 0;
    QString text;
    struct Entry {
        QString id;
        State before;
        State after;
    };
    QList<Entry> entries; // only ids whose state was known exactly before
};

struct Totals {
    int kills = 0, killsBeforeReady = 0, killsDuringMaintenance = 0, chained = 0;
    qint64 acks = 0, unacked = 0, checkpoints = 0, compactions = 0, tailCuts = 0, childTailCuts = 0;
    qint64 generations = 0; // manifests the children published (automatic checkpoints included)
    qint64 maxReadyMs = 0;
    qint64 lastReadyGeneration = -1;
    qint64 unackedApplied = 0, unackedNotApplied = 0; // unacknowledged ops found applied / not applied on reopen
};

} // namespace

class CrashTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void randomKills();
    void killDuringCompaction();

private:
    void runScenario(const char *name, int iterations, quint64 seedBaseOffset, bool compactLoop);
    QStringList checkReopen(const QString &dir, QHash<QString, QList<State>> &allowed,
                            const QList<UncertainBatch> &batches, Totals &totals);
    quint64 m_seed = 0;
    int m_iterations = 30;
};

void CrashTest::initTestCase()
{
    QVERIFY2(QFileInfo::exists(QStringLiteral(CRASH_CHILD_PATH)), CRASH_CHILD_PATH);
    bool ok = false;
    const int n = qEnvironmentVariableIntValue("SEXTANT_CRASH_ITERATIONS", &ok);
    if (ok && n > m_iterations) m_iterations = n;
    const QByteArray seedText = qgetenv("SEXTANT_CRASH_SEED");
    m_seed = seedText.isEmpty() ? QRandomGenerator::global()->generate64() : seedText.toULongLong();
    qInfo("crash test: %d iterations, SEXTANT_CRASH_SEED=%llu", m_iterations, m_seed);
}

void CrashTest::randomKills() { runScenario("random kills", m_iterations, 1, false); }

void CrashTest::killDuringCompaction() { runScenario("compaction loop", qMax(8, m_iterations / 4), 100'000, true); }

void CrashTest::runScenario(const char *name, int iterations, quint64 seedBaseOffset, bool compactLoop)
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = tmp.filePath(QStringLiteral("index"));
    {
        Schema schema;
        schema.dimensions = kDims;
        schema.metric = Metric::L2; // vectors come back exactly as written (no normalisation)
        Result<std::shared_ptr<Index>> created = Index::create(dir, schema, Durability::Full);
        QVERIFY2(created.ok(), qPrintable(created.error().toString()));
        QVERIFY(created.value()->close().ok());
    }

    QRandomGenerator rng(quint32(m_seed ^ (m_seed >> 32) ^ seedBaseOffset));
    QHash<QString, QList<State>> allowed; // missing key: {absent}
    QList<UncertainBatch> batches;        // unacknowledged ops since the last check
    Totals totals;
    QList<std::pair<int, QByteArray>> outputs; // the children's output since the last check
    // On a failure the index folder stays, with what the children printed next to it.
    auto keep = [&]() {
        tmp.setAutoRemove(false);
        for (const auto &[iteration, output] : std::as_const(outputs)) {
            QFile f(tmp.filePath(QStringLiteral("child-%1.log").arg(iteration)));
            if (f.open(QIODevice::WriteOnly)) f.write(output);
        }
    };

    for (int i = 0; i < iterations; ++i) {
        const bool killFromStart = !compactLoop && i % 5 == 4;
        const int delayMs = killFromStart ? int(rng.bounded(0, 12)) : int(rng.bounded(20, 401));
        const bool chained = i % 4 == 2 && i != iterations - 1;
        const quint64 seedBase = (seedBaseOffset + quint64(i)) * kSeedsPerChild;
        const QString where =
            QStringLiteral(
                "%1, iteration %2 of %3, SEXTANT_CRASH_SEED=%4, kill %5 ms after %6, index and child logs kept in %7")
                .arg(QLatin1String(name))
                .arg(i + 1)
                .arg(iterations)
                .arg(m_seed)
                .arg(delayMs)
                .arg(killFromStart ? QStringLiteral("start") : QStringLiteral("ready"), tmp.path());

        ChildRun run = runAndKill(dir, seedBase, compactLoop, killFromStart, delayMs);
        outputs.append({i + 1, run.output});
        ++totals.kills;
        if (!run.ready) ++totals.killsBeforeReady;
        totals.lastReadyGeneration = -1;
        if (run.ready) {
            totals.maxReadyMs = qMax(totals.maxReadyMs, run.readyAfterMs);
            if (run.readyLine.contains(QStringLiteral("tailCut=1"))) ++totals.childTailCuts;
            totals.lastReadyGeneration =
                run.readyLine.section(QStringLiteral("generation="), 1).section(u' ', 0, 0).toLongLong();
        }

        // Fold the run into the model, in submission order (per id that is apply order).
        for (const ChildOp &op : std::as_const(run.ops)) {
            if (op.maintenance) {
                if (op.acked)
                    ++(op.compact ? totals.compactions : totals.checkpoints);
                else
                    ++totals.killsDuringMaintenance;
                continue;
            }
            if (op.acked)
                ++totals.acks;
            else
                ++totals.unacked;
            UncertainBatch batch;
            batch.no = op.no;
            batch.iteration = i + 1;
            batch.text = op.text;
            for (const ParsedOp &p : op.ops) {
                // A later op on an id ends what an earlier unacknowledged op can tell about it.
                for (UncertainBatch &b : batches)
                    b.entries.removeIf([&](const UncertainBatch::Entry &e) { return e.id == p.id; });
                QList<State> before = allowed.value(p.id, QList<State>{State{}});
                if (op.acked) {
                    allowed[p.id] = QList<State>{applyOp(p, before.first())};
                    if (p.kind == WriteOp::Kind::Insert) allowed[p.id] = QList<State>{State{true, p.seed}};
                } else if (op.failLine.isEmpty()) {
                    QList<State> next = before;
                    for (const State &s : before)
                        addUnique(next, applyOp(p, s));
                    allowed[p.id] = next;
                    if (before.size() == 1 && applyOp(p, before.first()) != before.first())
                        batch.entries << UncertainBatch::Entry{p.id, before.first(), applyOp(p, before.first())};
                }
            }
            if (!op.acked && op.failLine.isEmpty() && !batch.entries.isEmpty()) batches << batch;
        }
        if (!run.problems.isEmpty()) {
            keep();
            QFAIL(qPrintable(QStringLiteral("%1\n  %2\n  child stderr: %3")
                                 .arg(where, run.problems.mid(0, 20).join(QStringLiteral("\n  ")), run.stderrText)));
        }

        // The crashed folder, exactly as the kill left it, must verify clean.
        Result<VerifyReport> crashed = verifyIndex(dir, VerifyOptions{true, {}});
        if (!crashed.ok() || !crashed->clean()) {
            keep();
            QFAIL(qPrintable(
                QStringLiteral("%1\n  verify --full of the crashed index: %2")
                    .arg(where, crashed.ok() ? findingsText(crashed->findings) : crashed.error().toString())));
        }
        if (chained) { // the next child recovers it
            ++totals.chained;
            continue;
        }
        const QStringList problems = checkReopen(dir, allowed, batches, totals);
        batches.clear();
        if (problems.isEmpty()) outputs.clear();
        if (!problems.isEmpty()) {
            keep();
            QFAIL(qPrintable(QStringLiteral("%1\n  %2 problem(s):\n  %3\n  child stderr: %4")
                                 .arg(where)
                                 .arg(problems.size())
                                 .arg(problems.mid(0, 25).join(QStringLiteral("\n  ")), run.stderrText)));
        }
    }
    qInfo("%s: %d kills (%d before the child was ready, %d with a checkpoint/compaction in flight, %d recovered by the "
          "next child), "
          "%lld acknowledged ops, %lld in flight at a kill (on reopen %lld of them applied, %lld not), %lld explicit "
          "checkpoints and %lld compactions acknowledged, "
          "%lld manifests published by the children (automatic checkpoints included), torn tails cut: %lld on reopen, "
          "%lld by a child; "
          "slowest child start %lld ms",
          name, totals.kills, totals.killsBeforeReady, totals.killsDuringMaintenance, totals.chained, totals.acks,
          totals.unacked, totals.unackedApplied, totals.unackedNotApplied, totals.checkpoints, totals.compactions,
          totals.generations, totals.tailCuts, totals.childTailCuts, totals.maxReadyMs);
}

QStringList CrashTest::checkReopen(const QString &dir, QHash<QString, QList<State>> &allowed,
                                   const QList<UncertainBatch> &batches, Totals &totals)
{
    QStringList problems;
    Result<std::shared_ptr<Index>> opened = Index::open(dir);
    if (!opened.ok())
        return {QStringLiteral("Index::open failed: %1: %2").arg(opened.error().codeName(), opened.error().toString())};
    std::shared_ptr<Index> index = opened.takeValue();
    const OpenReport &rep = index->openReport();
    if (rep.tailCut) ++totals.tailCuts;
    if (totals.lastReadyGeneration >= 0)
        totals.generations += qint64(index->stats().generation) - totals.lastReadyGeneration;
    if (rep.tailWasCorrupt)
        problems << QStringLiteral(
                        "open reported a corrupt complete frame after a process kill (offset %1, %2 bytes): %3")
                        .arg(rep.cutOffset)
                        .arg(rep.cutBytes)
                        .arg(rep.tailReason);

    QSet<QString> ids(allowed.keyBegin(), allowed.keyEnd());
    for (const QString &id : idPool())
        ids.insert(id);

    QHash<QString, State> observed;
    QSet<QString> unexplained; // present, but with content no allowed state has
    for (const QString &id : std::as_const(ids)) {
        const QList<State> may = allowed.value(id, QList<State>{State{}});
        Result<Item> got = index->get(id, true);
        if (!got.ok()) {
            if (got.error().code() != ErrorCode::NotFound) {
                problems
                    << QStringLiteral("get(%1) failed: %2: %3").arg(id, got.error().codeName(), got.error().toString());
                continue;
            }
            observed.insert(id, State{});
            if (!may.contains(State{}))
                problems << QStringLiteral("%1 is missing; acknowledged state: %2").arg(id, describeStates(may));
            continue;
        }
        if (got->id != id) problems << QStringLiteral("get(%1) returned id %2").arg(id, got->id);
        std::optional<State> match;
        for (const State &s : may) {
            if (!s.present) continue;
            const Item want = itemFor(id, s.seed);
            if (bitEqual(got->vector, want.vector) && got->metadata == want.metadata) {
                match = s;
                break;
            }
        }
        if (!match) {
            problems << QStringLiteral(
                            "%1 is present with content (metadata seed %2, %3 dims) that matches no allowed state: %4")
                            .arg(id, got->metadata.value(QStringLiteral("seed")).toVariant().toString())
                            .arg(got->vector.size())
                            .arg(describeStates(may));
            unexplained.insert(id);
            continue;
        }
        observed.insert(id, *match);
    }

    qint64 present = unexplained.size();
    for (const State &s : std::as_const(observed))
        present += s.present ? 1 : 0;
    if (index->count() != present)
        problems << QStringLiteral("count() is %1, but %2 ids are present").arg(index->count()).arg(present);
    if (index->stats().items != present)
        problems
            << QStringLiteral("stats().items is %1, but %2 ids are present").arg(index->stats().items).arg(present);

    // list(): id order (bytewise UTF-8), every present id once, same content as get().
    QSet<QString> listed;
    QString after;
    QByteArray previous;
    for (int pages = 0; pages < 10'000; ++pages) {
        Result<ListPage> page = index->list(after, 37, true);
        if (!page.ok()) {
            problems << QStringLiteral("list(%1) failed: %2").arg(after, page.error().toString());
            break;
        }
        for (const Item &it : page->items) {
            const QByteArray key = it.id.toUtf8();
            if (!previous.isNull() && !(previous < key))
                problems
                    << QStringLiteral("list() is out of order: %1 after %2").arg(it.id, QString::fromUtf8(previous));
            previous = key;
            if (listed.contains(it.id)) problems << QStringLiteral("list() returned %1 twice").arg(it.id);
            listed.insert(it.id);
            const State s = observed.value(it.id);
            if (unexplained.contains(it.id)) {
                // reported above
            } else if (!s.present) {
                problems << QStringLiteral("list() returned %1, which get() does not find").arg(it.id);
            } else {
                const Item want = itemFor(it.id, s.seed);
                if (!bitEqual(it.vector, want.vector) || it.metadata != want.metadata)
                    problems << QStringLiteral("list() returned different content for %1 than get()").arg(it.id);
            }
        }
        if (page->nextAfter.isEmpty() || page->items.isEmpty()) break;
        after = page->nextAfter;
    }
    if (listed.size() != present)
        problems << QStringLiteral("list() returned %1 items, %2 are present").arg(listed.size()).arg(present);

    // An unacknowledged op shows entirely or not at all (all ops of a batch, or none).
    for (const UncertainBatch &b : batches) {
        int applied = 0, notApplied = 0;
        QStringList detail;
        for (const UncertainBatch::Entry &e : b.entries) {
            const State o = observed.value(e.id);
            if (o == e.after)
                ++applied;
            else if (o == e.before)
                ++notApplied;
            detail << QStringLiteral("%1: %2 -> %3, found %4")
                          .arg(e.id, e.before.describe(), e.after.describe(), o.describe());
        }
        if (applied && !notApplied) ++totals.unackedApplied;
        if (notApplied && !applied) ++totals.unackedNotApplied;
        if (applied && notApplied)
            problems << QStringLiteral("unacknowledged op %1 of iteration %2 (%3) was applied in part: %4")
                            .arg(b.no)
                            .arg(b.iteration)
                            .arg(b.text, detail.join(QStringLiteral("; ")));
    }

    // What the engine recovered is now the acknowledged state.
    for (auto it = observed.cbegin(); it != observed.cend(); ++it) {
        if (it.value().present)
            allowed[it.key()] = QList<State>{it.value()};
        else
            allowed.remove(it.key());
    }

    const Error closed = index->close();
    if (!closed.ok()) problems << QStringLiteral("close() failed: %1").arg(closed.toString());
    index.reset();

    Result<VerifyReport> after2 = verifyIndex(dir, VerifyOptions{true, {}});
    if (!after2.ok())
        problems << QStringLiteral("verify --full after reopen and close failed: %1").arg(after2.error().toString());
    else if (!after2->clean())
        problems << QStringLiteral("verify --full after reopen and close: %1").arg(findingsText(after2->findings));
    return problems;
}

QTEST_GUILESS_MAIN(CrashTest)
#include "tst_crash.moc"
