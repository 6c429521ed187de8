// verify and repair: the integrity commands. verify never opens the index
// (it works on damaged and locked folders); repair shows its plan before it
// changes anything and asks unless --yes.

#include "Commands.h"

#include "sextant/Repair.h"
#include "sextant/Verifier.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QTextStream>
#include <cstdio>
#include <unistd.h>

namespace sextant::cli {

namespace {

QJsonObject findingJson(const Finding &finding)
{
    QJsonObject object{
        {QStringLiteral("severity"), severityName(finding.severity)},
        {QStringLiteral("file"), finding.file},
        {QStringLiteral("offset"), finding.offset >= 0 ? QJsonValue(double(finding.offset)) : QJsonValue()},
        {QStringLiteral("message"), finding.message},
        {QStringLiteral("action"), repairActionName(finding.action)}};
    if (finding.length > 0) object.insert(QStringLiteral("length"), double(finding.length));
    if (!finding.itemId.isEmpty()) object.insert(QStringLiteral("itemId"), finding.itemId);
    return object;
}

QJsonObject reportJson(const VerifyReport &report, bool withFindings)
{
    QJsonObject o{{QStringLiteral("full"), report.full},
                  {QStringLiteral("clean"), report.clean()},
                  {QStringLiteral("problems"), report.problemCount()},
                  {QStringLiteral("filesChecked"), report.filesChecked},
                  {QStringLiteral("bytesChecked"), double(report.bytesChecked)},
                  {QStringLiteral("elapsedMs"), double(report.elapsedMs)},
                  {QStringLiteral("cancelled"), report.cancelled}};
    if (report.liveItems >= 0) o.insert(QStringLiteral("items"), double(report.liveItems));
    if (report.measuredRecall >= 0) o.insert(QStringLiteral("recall"), report.measuredRecall);
    if (withFindings) {
        QJsonArray findings;
        for (const Finding &finding : report.findings)
            findings.append(findingJson(finding));
        o.insert(QStringLiteral("findings"), findings);
    }
    return o;
}

QString verdict(const VerifyReport &report)
{
    if (report.clean()) return QStringLiteral("clean");
    return QStringLiteral("%1 problem%2 found")
        .arg(report.problemCount())
        .arg(report.problemCount() == 1 ? QString() : QStringLiteral("s"));
}

void printFindings(Console &console, const VerifyReport &report)
{
    for (const Finding &finding : report.findings) {
        QString where = finding.file.isEmpty() ? QStringLiteral("(index)") : finding.file;
        if (finding.offset >= 0) where += QStringLiteral(" at byte %1").arg(finding.offset);
        if (!finding.itemId.isEmpty()) where += QStringLiteral(" (item \"%1\")").arg(shown(finding.itemId));
        QString line = QStringLiteral("%1 %2: %3").arg(severityName(finding.severity), -8).arg(where, finding.message);
        if (finding.action != RepairAction::None)
            line += QStringLiteral(" [repair: %1]").arg(repairActionName(finding.action));
        console.printLine(line);
    }
}

QString summaryLine(const VerifyReport &report)
{
    QString line = QStringLiteral("%1 verify: %2 files, %3 checked in %4 ms")
                       .arg(report.full ? QStringLiteral("full") : QStringLiteral("quick"))
                       .arg(report.filesChecked)
                       .arg(humanBytes(report.bytesChecked))
                       .arg(report.elapsedMs);
    if (report.liveItems >= 0) line += QStringLiteral(", %1 items").arg(report.liveItems);
    if (report.measuredRecall >= 0)
        line += QStringLiteral(", graph recall@10 %1").arg(report.measuredRecall, 0, 'f', 3);
    return line + QStringLiteral(": ") + verdict(report);
}

// Progress on standard error, at most one line a second, only on a terminal.
std::function<bool(qint64, qint64)> verifyProgress(Console &console)
{
    if (console.json() || ::isatty(STDERR_FILENO) != 1) return {};
    auto last = std::make_shared<qint64>(0);
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    return [&console, last, timer](qint64 done, qint64 total) {
        if (timer->elapsed() - *last >= 1000) {
            *last = timer->elapsed();
            console.printError(QStringLiteral("verifying: %1 of %2").arg(humanBytes(done), humanBytes(total)));
        }
        return true;
    };
}

bool checkFolder(Console &console, const QString &path, int *exitCode)
{
    // No Index::exists() check: a folder whose manifest is damaged is
    // exactly what verify and repair must be able to look at.
    if (QFileInfo(path).isDir()) return true;
    *exitCode = console.fail(
        Error(ErrorCode::NotFound, QStringLiteral("There is no index folder at %1.").arg(path), path), ExitUsageOrIo);
    return false;
}

QJsonObject planJson(const RepairPlan &plan)
{
    QJsonArray steps;
    for (const RepairStep &s : plan.steps)
        steps.append(QJsonObject{{QStringLiteral("action"), repairActionName(s.action)},
                                 {QStringLiteral("file"), s.file},
                                 {QStringLiteral("description"), s.description},
                                 {QStringLiteral("itemsSetAside"), double(s.itemsSetAside)}});
    return QJsonObject{{QStringLiteral("steps"), steps},
                       {QStringLiteral("blockers"), QJsonArray::fromStringList(plan.blockers)},
                       {QStringLiteral("canRun"), plan.canRun()}};
}

bool askYes(const QString &question)
{
    if (::isatty(STDIN_FILENO) != 1) return false;
    QTextStream err(stderr);
    err << question << " [y/N] " << Qt::flush;
    QTextStream in(stdin);
    const QString answer = in.readLine().trimmed().toLower();
    return answer == QLatin1String("y") || answer == QLatin1String("yes");
}

} // namespace

int runVerify(Invocation &invocation)
{
    Console &console = invocation.console;
    const QString path = invocation.path();
    int exitCode = 0;
    if (!checkFolder(console, path, &exitCode)) return exitCode;
    VerifyOptions options;
    options.full = invocation.isSet(QStringLiteral("full"));
    options.progress = verifyProgress(console);
    const auto verified = verifyIndex(path, options);
    if (!verified.ok()) return console.fail(verified.error());
    const VerifyReport &report = *verified;
    exitCode = report.clean() ? ExitSuccess : ExitProblem;
    if (console.json()) {
        QJsonObject o = reportJson(report, true);
        o.insert(QStringLiteral("path"), QFileInfo(path).absoluteFilePath());
        console.printJson(o);
        return checkStandardOutput(console, exitCode);
    }
    printFindings(console, report);
    console.printLine(summaryLine(report));
    return checkStandardOutput(console, exitCode);
}

int runRepair(Invocation &invocation)
{
    Console &console = invocation.console;
    const QString path = invocation.path();
    int exitCode = 0;
    if (!checkFolder(console, path, &exitCode)) return exitCode;
    const bool dryRun = invocation.isSet(QStringLiteral("dry-run"));
    VerifyOptions options;
    options.full = true;
    options.progress = verifyProgress(console);
    const auto verified = verifyIndex(path, options);
    if (!verified.ok()) return console.fail(verified.error());
    const Result<RepairPlan> planned = planRepair(path, *verified);
    if (!planned.ok()) return console.fail(planned.error());
    const RepairPlan &plan = *planned;
    QJsonObject json{{QStringLiteral("path"), plan.path},
                     {QStringLiteral("before"), reportJson(plan.before, true)},
                     {QStringLiteral("plan"), planJson(plan)},
                     {QStringLiteral("dryRun"), dryRun}};

    if (!console.json()) {
        printFindings(console, plan.before);
        console.printLine(summaryLine(plan.before));
        if (!plan.needed()) {
            console.printLine(QStringLiteral("Nothing to repair."));
        } else {
            console.printLine(QStringLiteral("Repair plan (%1 step%2):")
                                  .arg(plan.steps.size())
                                  .arg(plan.steps.size() == 1 ? QString() : QStringLiteral("s")));
            for (int i = 0; i < plan.steps.size(); ++i)
                console.printLine(QStringLiteral("  %1. [%2] %3")
                                      .arg(i + 1)
                                      .arg(repairActionName(plan.steps[i].action), plan.steps[i].description));
            for (const QString &b : plan.blockers)
                console.printLine(QStringLiteral("Cannot repair: %1").arg(b));
        }
    }
    auto finish = [&](int code) {
        if (console.json()) console.printJson(json);
        return checkStandardOutput(console, code);
    };
    if (!plan.needed()) return finish(ExitSuccess);
    if (!plan.blockers.isEmpty() || dryRun) return finish(ExitProblem);
    if (!invocation.isSet(QStringLiteral("yes"))) {
        if (console.json() || !askYes(QStringLiteral("Carry out this plan?"))) {
            console.printError(QStringLiteral("Nothing was changed. Run with --yes to carry out the plan."));
            return finish(ExitProblem);
        }
    }
    RepairOptions repairOptions;
    repairOptions.backup = !invocation.isSet(QStringLiteral("no-backup"));
    repairOptions.backupPath = invocation.value(QStringLiteral("backup"));
    if (!console.json())
        repairOptions.progress = [&console](int step, int steps, const QString &what) {
            console.printError(QStringLiteral("repair %1/%2: %3").arg(step + 1).arg(steps).arg(what));
            return true;
        };
    const Result<RepairResult> repaired = runRepair(plan, repairOptions);
    if (!repaired.ok()) {
        if (console.json()) json.insert(QStringLiteral("error"), repaired.error().message());
        if (console.json()) console.printJson(json);
        return console.json() ? ExitProblem : console.fail(repaired.error());
    }
    const RepairResult &r = *repaired;
    if (console.json()) {
        json.insert(
            QStringLiteral("result"),
            QJsonObject{{QStringLiteral("backup"), r.backupFile.isEmpty() ? QJsonValue() : QJsonValue(r.backupFile)},
                        {QStringLiteral("quarantined"), QJsonArray::fromStringList(r.quarantined)},
                        {QStringLiteral("log"), QJsonArray::fromStringList(r.log)},
                        {QStringLiteral("itemsBefore"), double(r.itemsBefore)},
                        {QStringLiteral("itemsAfter"), double(r.itemsAfter)},
                        {QStringLiteral("itemsSetAside"), double(r.itemsSetAside)},
                        {QStringLiteral("after"), reportJson(r.after, true)}});
        return finish(r.after.clean() ? ExitSuccess : ExitProblem);
    }
    for (const QString &line : r.log)
        console.printLine(QStringLiteral("  ") + line);
    if (!r.backupFile.isEmpty()) console.printLine(QStringLiteral("Backup: %1").arg(r.backupFile));
    for (const QString &q : r.quarantined)
        console.printLine(QStringLiteral("Quarantined: %1").arg(q));
    console.printLine(QStringLiteral("Before: %1, %2 items. After: %3, %4 items (%5 set aside in quarantine/).")
                          .arg(verdict(r.before))
                          .arg(r.itemsBefore)
                          .arg(verdict(r.after))
                          .arg(r.itemsAfter)
                          .arg(r.itemsSetAside));
    if (!r.after.clean()) printFindings(console, r.after);
    return checkStandardOutput(console, r.after.clean() ? ExitSuccess : ExitProblem);
}

} // namespace sextant::cli
