#pragma once
// The engine's own thread pool, for the work it splits across cores (the
// chunks of an exact scan, Index::queryAsync, a verify's SHA-256).
//
// Not QThreadPool::globalInstance(): Qt's raster paint engine hands parts of
// large fills to the global pool and waits for them on the GUI thread, so
// engine work queued there made a window wait for it. In the GUI, Page Down
// ×400 over 200,000 × 384 items while the Summary view estimated the recall
// stalled for 60–126 ms in QScrollBar::paintEvent, waiting on that pool
// (docs/gui-browse.md, "The engine's own thread pool").

class QThreadPool;

namespace sextant {

// As many threads as cores (QThread::idealThreadCount()); created on first
// use, lives until the program exits.
QThreadPool *engineThreadPool();

} // namespace sextant
