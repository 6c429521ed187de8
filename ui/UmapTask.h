#pragma once
// UMAP of the Map view's sample on a worker thread (engine/explore/Umap):
// progress and cancel through the QFuture, and the layout as it forms. The
// worker puts each new frame in a shared slot and bumps the progress; the
// view takes the newest frame when the progress signal arrives, so frames
// it is too busy to draw are skipped, never queued.

#include "sextant/Error.h"
#include "sextant/Umap.h"

#include <QFuture>
#include <QStringList>
#include <memory>
#include <mutex>
#include <vector>

namespace sextant {
class Index;
}

namespace sextant::ui {

struct UmapFrame {
    std::vector<float> x, y;
    int epoch = 0, epochs = 0;
};

struct UmapOutcome {
    Error error;
    UmapFrame frame; // the final layout when error is ok
    double a = 0, b = 0;
    qint64 edges = 0;
};

class UmapTask {
public:
    // The newest frame, shared between the worker and the view.
    struct Frames {
        std::mutex mutex;
        quint64 serial = 0;
        UmapFrame latest;
        // The frame if it is newer than `seen` (and updates `seen`).
        std::optional<UmapFrame> takeIfNewer(quint64 *seen);
    };

    // Lays out `ids` starting from `init` (x and y per id: the PCA map).
    static QFuture<UmapOutcome> start(std::shared_ptr<Index> index, QStringList ids, std::vector<float> initX,
                                      std::vector<float> initY, explore::UmapOptions options,
                                      std::shared_ptr<Frames> frames);
};

} // namespace sextant::ui
