#include "VerifyTask.h"

#include "ErrorText.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

namespace sextant::ui {

QFuture<VerifyOutcome> startVerifyTask(const QString &path, bool full)
{
    return QtConcurrent::run([path, full](QPromise<VerifyOutcome> &promise) {
        promise.setProgressRange(0, 1000);
        VerifyOptions options;
        options.full = full;
        options.progress = [&promise](qint64 done, qint64 total) {
            if (total > 0) promise.setProgressValue(int(std::min<qint64>(1000, done * 1000 / total)));
            return !promise.isCanceled();
        };
        VerifyOutcome out;
        Result<VerifyReport> r = verifyIndex(path, options);
        if (r.ok())
            out.report = r.takeValue();
        else
            out.error = userMessageText(r.error(), ErrorContext::Verify);
        promise.addResult(out);
    });
}

} // namespace sextant::ui
