#pragma once
// Verify reports as text, for failure messages.

#include "sextant/Verifier.h"

#include <QStringList>

namespace testsupport {

inline QString findingsText(const sextant::VerifyReport &report)
{
    QStringList lines;
    for (const sextant::Finding &f : report.findings)
        lines << QStringLiteral("[%1] %2 @%3 %4 (%5)")
                     .arg(sextant::severityName(f.severity), f.file)
                     .arg(f.offset)
                     .arg(f.message, sextant::repairActionName(f.action));
    return lines.join(u'\n');
}

} // namespace testsupport
