#include "sextant/Options.h"

namespace sextant {

QString durabilityName(Durability d)
{
    switch (d) {
    case Durability::Full: return QStringLiteral("full");
    case Durability::Normal: return QStringLiteral("normal");
    case Durability::Off: return QStringLiteral("off");
    }
    return {};
}

std::optional<Durability> durabilityFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == u"full") return Durability::Full;
    if (n == u"normal") return Durability::Normal;
    if (n == u"off") return Durability::Off;
    return std::nullopt;
}

QString recoveryModeName(RecoveryMode m)
{
    switch (m) {
    case RecoveryMode::TolerateCorruptedTail: return QStringLiteral("tolerate-corrupted-tail");
    case RecoveryMode::AbsoluteConsistency: return QStringLiteral("absolute-consistency");
    case RecoveryMode::PointInTime: return QStringLiteral("point-in-time");
    }
    return {};
}

std::optional<RecoveryMode> recoveryModeFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == u"tolerate-corrupted-tail") return RecoveryMode::TolerateCorruptedTail;
    if (n == u"absolute-consistency") return RecoveryMode::AbsoluteConsistency;
    if (n == u"point-in-time") return RecoveryMode::PointInTime;
    return std::nullopt;
}

QString LockHolder::describe() const
{
    return QStringLiteral("%1 (pid %2 on %3)")
        .arg(application.isEmpty() ? QStringLiteral("an unknown program") : application)
        .arg(pid)
        .arg(host.isEmpty() ? QStringLiteral("an unknown host") : host);
}

} // namespace sextant
