#pragma once
// The first-run demo: an index made from the short texts shipped in the
// executable (:/demo, resources/demo/), embedded with the built-in embedder,
// so a new user sees browse, query, map and integrity at work within
// seconds. The start page offers it when there are no recent indexes; the
// hidden command line option --create-demo PATH (tools/demo.sh) goes through
// the same createDemoIndex().

#include "sextant/Error.h"
#include "sextant/Index.h"

#include <QFuture>
#include <QPromise>
#include <QString>
#include <QStringList>
#include <memory>

namespace sextant::ui {

// <AppLocalDataLocation>/demo, e.g. ~/.local/share/Sextant/Sextant/demo.
QString defaultDemoIndexPath();
// Where the texts are written for the import: beside the index, "<path>-texts".
QString demoTextsFolder(const QString &indexPath);
// The shipped texts as resource paths (":/demo/tides.txt"), sorted.
QStringList demoTextResources();
// The text query the demo opens with in the Query view.
QString demoExampleQuery();

struct DemoCreation {
    // Set when the folder already held an index: nothing was created and
    // `index` is null (the caller opens it the usual way).
    bool existed = false;
    std::shared_ptr<Index> index; // the new index, open for writing
    int documents = 0;            // documents imported
    qint64 chunks = 0;            // items written
    double seconds = 0;           // from the start to the last chunk written
    bool cancelled = false;
    Error error;
};

// On the calling thread, which must be a worker: when `path` holds no index,
// writes the texts into demoTextsFolder(path), creates the index (the
// built-in embedder "hash", cosine, Schema::embedder set), imports them with
// documents::importDocuments and returns it open. A creation that fails or is
// cancelled removes the folders it made, so the next try starts afresh.
// `promise` (may be null) gets progress 0–1000 and is polled for cancel.
DemoCreation createDemoIndex(const QString &path, QPromise<DemoCreation> *promise = nullptr);
QFuture<DemoCreation> createDemoIndexAsync(const QString &path);

} // namespace sextant::ui
