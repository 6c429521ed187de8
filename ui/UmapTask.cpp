#include "UmapTask.h"

#include "sextant/Index.h"

#include <QCoreApplication>
#include <QPromise>
#include <QtConcurrent>

namespace sextant::ui {

std::optional<UmapFrame> UmapTask::Frames::takeIfNewer(quint64 *seen)
{
    std::lock_guard lock(mutex);
    if (serial == *seen) return std::nullopt;
    *seen = serial;
    return latest;
}

namespace {

QString phaseText(const QString &phase, qint64 done, qint64 total)
{
    if (phase == u"graph")
        return QCoreApplication::translate("sextant::ui::UmapTask", "UMAP: waiting for the neighbour graph");
    if (phase == u"neighbours")
        return QCoreApplication::translate("sextant::ui::UmapTask", "UMAP: neighbours from the graph");
    if (phase == u"vectors") return QCoreApplication::translate("sextant::ui::UmapTask", "UMAP: reading vectors");
    if (phase == u"layout")
        return QCoreApplication::translate("sextant::ui::UmapTask", "UMAP: optimising the layout (epoch %1 of %2)")
            .arg(done)
            .arg(total);
    return QCoreApplication::translate("sextant::ui::UmapTask", "UMAP: building the fuzzy graph");
}

// One monotonic scale over the phases: graph 0-50, neighbours 50-550, layout 550-1000.
int progressValue(const QString &phase, qint64 done, qint64 total)
{
    const double f = total > 0 ? double(done) / double(total) : 0.0;
    if (phase == u"graph") return int(50 * f);
    if (phase == u"neighbours") return 50 + int(500 * f);
    if (phase == u"layout") return 550 + int(450 * f);
    return 550;
}

} // namespace

QFuture<UmapOutcome> UmapTask::start(std::shared_ptr<Index> index, QStringList ids, std::vector<float> initX,
                                     std::vector<float> initY, explore::UmapOptions options,
                                     std::shared_ptr<Frames> frames)
{
    return QtConcurrent::run([index, ids, initX, initY, options, frames](QPromise<UmapOutcome> &promise) mutable {
        promise.setProgressRange(0, 1000);
        explore::Task task;
        task.threads = 0;
        task.cancelled = [&promise] { return promise.isCanceled(); };
        int last = -1;
        QString lastText;
        task.progress = [&](const QString &phase, qint64 done, qint64 total) {
            const int value = std::max(last, progressValue(phase, done, total));
            const QString text = phaseText(phase, done, total);
            if (value != last || text != lastText) {
                // The value must grow for the text to be sent: nudge it within the phase.
                last = value == last ? value + (value < 999 ? 1 : 0) : value;
                lastText = text;
                promise.setProgressValueAndText(last, text);
            }
        };
        options.snapshotEvery = 5;
        options.snapshot = [&](const std::vector<float> &xy, int epoch, int epochs) {
            UmapFrame frame;
            frame.epoch = epoch;
            frame.epochs = epochs;
            frame.x.resize(xy.size() / 2);
            frame.y.resize(xy.size() / 2);
            for (size_t i = 0; i < frame.x.size(); ++i) {
                frame.x[i] = xy[i * 2];
                frame.y[i] = xy[i * 2 + 1];
            }
            std::lock_guard lock(frames->mutex);
            frames->latest = std::move(frame);
            ++frames->serial;
        };
        std::vector<float> init(initX.size() * 2);
        for (size_t i = 0; i < initX.size(); ++i) {
            init[i * 2] = initX[i];
            init[i * 2 + 1] = initY[i];
        }
        Result<explore::Layout2d> layout = explore::umapLayout(*index, ids, options, task, init);
        if (promise.isCanceled()) return;
        UmapOutcome outcome;
        if (!layout.ok()) {
            outcome.error = layout.error();
        } else {
            outcome.a = layout->a;
            outcome.b = layout->b;
            outcome.edges = layout->edges;
            outcome.frame.epoch = outcome.frame.epochs = layout->epochs;
            outcome.frame.x.resize(size_t(layout->count()));
            outcome.frame.y.resize(size_t(layout->count()));
            for (size_t i = 0; i < outcome.frame.x.size(); ++i) {
                outcome.frame.x[i] = layout->xy[i * 2];
                outcome.frame.y[i] = layout->xy[i * 2 + 1];
            }
        }
        promise.addResult(std::move(outcome));
    });
}

} // namespace sextant::ui
