#pragma once
// Repair of a damaged index, in two steps the user sees apart:
//   planRepair() reads the folder and a verify report and says what would be
//   done, changing nothing; runRepair() does it: takes the writer lock,
//   writes a backup archive (unless declined), carries the steps out,
//   publishes a new manifest, rebuilds the graph when asked, and verifies
//   again. What cannot be restored goes to quarantine/ with its raw bytes and
//   a report (docs/design.md, invariant 6); nothing readable before the repair is lost.

#include "sextant/Api.h"
#include "sextant/Error.h"
#include "sextant/Verifier.h"

#include <QString>
#include <QStringList>
#include <functional>

namespace sextant {

struct SEXTANT_API RepairStep {
    RepairAction action = RepairAction::None;
    QString file;        // the file it works on (empty: the index as a whole)
    QString description; // what will happen, in one or two plain sentences
    // Items the index will no longer hold afterwards (they go to quarantine/,
    // with whatever of them could be read). 0 when nothing is set aside.
    qint64 itemsSetAside = 0;
};

struct SEXTANT_API RepairPlan {
    QString path;        // the index folder, absolute
    VerifyReport before; // the report the plan was made from
    QList<RepairStep> steps;
    // Why the plan cannot run (for example: another process holds the lock,
    // neither manifest can be read). Empty when it can.
    QStringList blockers;
    // The manifests and logs as the plan saw them: runRepair refuses to run
    // a plan made for a folder that has changed since.
    QString fingerprint;
    bool needed() const { return !steps.isEmpty(); }
    bool canRun() const { return blockers.isEmpty() && needed(); }
};

// Reads only. `report` should come from verifyIndex on the same folder (a
// full report finds more to repair than a quick one).
SEXTANT_API Result<RepairPlan> planRepair(const QString &path, const VerifyReport &report);

// What the plan's fingerprint is computed from (exposed for tests).
SEXTANT_API QString folderFingerprint(const QString &path);

struct SEXTANT_API RepairOptions {
    bool backup = true;
    // Where the backup archive goes; empty: beside the index folder, as
    // <folder>-backup-YYYYMMDD-HHMMSS.tar.zst.
    QString backupPath;
    // Called as the repair moves on: the step being run (0-based, `steps` in
    // all) and a sentence. Return false to cancel: allowed until the new
    // manifest is published, after which the repair runs to its end.
    std::function<bool(int step, int steps, const QString &what)> progress;
    // Verify after the repair the same way as `plan.before` (quick or full).
    bool verifyAfter = true;
};

struct SEXTANT_API RepairResult {
    VerifyReport before;
    VerifyReport after;
    QString backupFile;      // absolute; empty when declined
    QStringList quarantined; // files written under quarantine/, relative to the index folder
    QStringList log;         // what was done, one sentence per line
    qint64 itemsBefore = -1; // readable items before and after (full reports count them)
    qint64 itemsAfter = -1;
    qint64 itemsSetAside = 0;
};

SEXTANT_API Result<RepairResult> runRepair(const RepairPlan &plan, const RepairOptions &options = {});

} // namespace sextant
