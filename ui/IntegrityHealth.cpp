#include "IntegrityHealth.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPixmap>

namespace sextant::ui {

namespace {
QPixmap paintedIcon(int size, const QColor &fill, const QString &glyph)
{
    QPixmap pm(size, size);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(fill);
    p.drawEllipse(QRectF(0.5, 0.5, size - 1.0, size - 1.0));
    QFont f;
    f.setBold(true);
    f.setPixelSize(int(size * 0.72));
    p.setFont(f);
    p.setPen(Qt::white);
    p.drawText(QRect(0, 0, size, size), Qt::AlignCenter, glyph);
    return pm;
}
} // namespace

BlockHealth healthOf(Finding::Severity severity)
{
    switch (severity) {
    case Finding::Severity::Info: return BlockHealth::Note;
    case Finding::Severity::Warning: return BlockHealth::Warning;
    case Finding::Severity::Error: return BlockHealth::Error;
    }
    return BlockHealth::Error;
}

QColor healthColour(BlockHealth health, bool dark)
{
    // The dark variants are a little less saturated so that they do not
    // glare on a dark background, yet keep the same hue order.
    switch (health) {
    case BlockHealth::NotChecked: return dark ? QColor(0x4a, 0x4d, 0x53) : QColor(0xd4, 0xd6, 0xda);
    case BlockHealth::Good: return dark ? QColor(0x3f, 0x8f, 0x5a) : QColor(0x5c, 0xb8, 0x72);
    case BlockHealth::Note: return dark ? QColor(0x4f, 0x8f, 0xd0) : QColor(0x4a, 0x90, 0xd9);
    case BlockHealth::Warning: return dark ? QColor(0xd9, 0xa4, 0x2b) : QColor(0xf0, 0xad, 0x1e);
    case BlockHealth::Error: return dark ? QColor(0xe0, 0x4f, 0x4f) : QColor(0xd9, 0x2b, 0x2b);
    case BlockHealth::Missing: return dark ? QColor(0x9b, 0x59, 0xd0) : QColor(0x8e, 0x44, 0xad);
    }
    return {};
}

QString healthName(BlockHealth health)
{
    switch (health) {
    case BlockHealth::NotChecked: return QCoreApplication::translate("IntegrityHealth", "not checked");
    case BlockHealth::Good: return QCoreApplication::translate("IntegrityHealth", "good");
    case BlockHealth::Note: return QCoreApplication::translate("IntegrityHealth", "note");
    case BlockHealth::Warning: return QCoreApplication::translate("IntegrityHealth", "warning");
    case BlockHealth::Error: return QCoreApplication::translate("IntegrityHealth", "error");
    case BlockHealth::Missing: return QCoreApplication::translate("IntegrityHealth", "missing");
    }
    return {};
}

QString severityLabel(Finding::Severity severity)
{
    switch (severity) {
    case Finding::Severity::Info: return QCoreApplication::translate("IntegrityHealth", "Note");
    case Finding::Severity::Warning: return QCoreApplication::translate("IntegrityHealth", "Warning");
    case Finding::Severity::Error: return QCoreApplication::translate("IntegrityHealth", "Error");
    }
    return {};
}

QIcon severityIcon(Finding::Severity severity, bool dark)
{
    const QColor fill = healthColour(healthOf(severity), dark);
    const QString glyph = severity == Finding::Severity::Info      ? QStringLiteral("i")
                          : severity == Finding::Severity::Warning ? QStringLiteral("!")
                                                                   : QStringLiteral("\u00d7");
    QIcon icon;
    icon.addPixmap(paintedIcon(16, fill, glyph));
    icon.addPixmap(paintedIcon(32, fill, glyph));
    return icon;
}

QIcon cleanIcon(bool dark)
{
    const QColor fill = healthColour(BlockHealth::Good, dark);
    QIcon icon;
    icon.addPixmap(paintedIcon(16, fill, QStringLiteral("\u2713")));
    icon.addPixmap(paintedIcon(32, fill, QStringLiteral("\u2713")));
    return icon;
}

QIcon discIcon(const QColor &fill, const QString &glyph)
{
    QIcon icon;
    icon.addPixmap(paintedIcon(16, fill, glyph));
    icon.addPixmap(paintedIcon(32, fill, glyph));
    return icon;
}

QString repairActionLabel(RepairAction action)
{
    switch (action) {
    case RepairAction::None: return QCoreApplication::translate("IntegrityHealth", "none");
    case RepairAction::CutWalTail: return QCoreApplication::translate("IntegrityHealth", "Cut the log's tail");
    case RepairAction::SalvageWal: return QCoreApplication::translate("IntegrityHealth", "Salvage the log");
    case RepairAction::RebuildGraph: return QCoreApplication::translate("IntegrityHealth", "Rebuild the graph");
    case RepairAction::RebuildIdMap: return QCoreApplication::translate("IntegrityHealth", "Rebuild the id map");
    case RepairAction::UsePreviousManifest:
        return QCoreApplication::translate("IntegrityHealth", "Use the previous manifest");
    case RepairAction::RewriteSegment: return QCoreApplication::translate("IntegrityHealth", "Rewrite the segment");
    case RepairAction::QuarantineFile: return QCoreApplication::translate("IntegrityHealth", "Move to quarantine");
    case RepairAction::RemoveStaleLock:
        return QCoreApplication::translate("IntegrityHealth", "Take over the stale lock");
    }
    return {};
}

} // namespace sextant::ui
