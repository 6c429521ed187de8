#include "core/WorkerPool.h"

#include <QThread>
#include <algorithm>
#include <QThreadPool>

namespace sextant {

QThreadPool *engineThreadPool()
{
    static QThreadPool *const pool = [] {
        // Never deleted: a static pool's destructor would run after
        // QCoreApplication is gone, and its threads hold no state to flush.
        auto *p = new QThreadPool;
        p->setMaxThreadCount(std::max(QThread::idealThreadCount(), 1));
        p->setObjectName(QStringLiteral("sextant engine pool"));
        return p;
    }();
    return pool;
}

} // namespace sextant
