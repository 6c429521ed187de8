#pragma once
// verifyIndex on the thread pool, for the views that offer it (Summary,
// Integrity): progress 0–1000 through the future, cancel through it too.

#include "sextant/Verifier.h"

#include <QFuture>
#include <QString>
#include <optional>

namespace sextant::ui {

struct VerifyOutcome {
    std::optional<VerifyReport> report; // empty when verify could not start
    QString error;
};

QFuture<VerifyOutcome> startVerifyTask(const QString &path, bool full);

} // namespace sextant::ui
