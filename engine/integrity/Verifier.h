#pragma once
// Verification of an index folder without opening it for writing (it works
// on indexes that are damaged, locked by another process, or both).
// Quick: the manifest envelopes, every WAL frame's and every segment block's
// XXH3, deletion files. Full: also the size and SHA-256 of every file the
// manifest names.

#include "core/Error.h"

#include <QList>
#include <QString>
#include <functional>

namespace sextant {

struct Finding {
    enum class Severity { Info, Warning, Error };
    Severity severity = Severity::Error;
    QString file;       // relative to the index folder
    qint64 offset = -1; // byte offset in the file, -1 when not about a position
    QString message;    // what is wrong, in plain words
    QString itemId;     // when the finding is about one item
};
QString severityName(Finding::Severity s);

struct VerifyOptions {
    bool full = false;
    // Called with bytes checked so far and the total; return false to cancel.
    std::function<bool(qint64 done, qint64 total)> progress;
};

struct VerifyReport {
    bool full = false;
    bool cancelled = false;
    QList<Finding> findings; // Info entries are notes, not problems
    qint64 bytesChecked = 0;
    int filesChecked = 0;
    qint64 elapsedMs = 0;
    // No finding of severity Warning or Error.
    bool clean() const;
    int problemCount() const;
};

Result<VerifyReport> verifyIndex(const QString &path, const VerifyOptions &options = {});

} // namespace sextant
