#pragma once
// The index's manifest and segments as published, copied under the shared
// state lock: the starting point of the next manifest. The caller holds
// publishMutex, so nothing publishes in between.

#include "index/IndexImpl.h"

#include <mutex>
#include <shared_mutex>
#include <vector>

namespace sextant {

struct PublishedState {
    storage::Manifest manifest;
    std::vector<LoadedSegment> segments;
};

inline PublishedState publishedState(Index::Impl &d)
{
    std::shared_lock lock(d.stateMutex);
    return {d.manifest, d.segments};
}

} // namespace sextant
