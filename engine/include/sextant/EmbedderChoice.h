#pragma once
// Naming an embedder: what a user types (`--embedder hash`, `hash:768`,
// `openai`) and what an index records (Schema::embedder), and making the
// embedder again from either.

#include "sextant/Api.h"
#include "sextant/Error.h"
#include "sextant/Schema.h"
#include "sextant/Embedder.h"

#include <memory>

namespace sextant::embed {

// "hash" (384 dimensions), "hash:N", or "openai" / "openai:MODEL" (an
// OpenAI-compatible server named by the SEXTANT_EMBED_* environment, see
// docs/embedders.md). The HTTP embedder learns its dimension from the server.
SEXTANT_API Result<std::unique_ptr<Embedder>> embedderFromSpec(const QString &spec);
// The embedder that made an index's vectors, from its recorded id. Fails with
// a sentence when the index records none, or when it needs a server that is
// not configured.
SEXTANT_API Result<std::unique_ptr<Embedder>> embedderForSchema(const Schema &schema);
// An embedder that learns its dimension from its first answer (a server's)
// embeds one probe text when it does not know it yet.
SEXTANT_API Error learnDimensions(Embedder &embedder);
// Schema::embedder must equal embedder.id(); otherwise an error that names both.
SEXTANT_API Error checkEmbedderMatches(const Schema &schema, const Embedder &embedder);

} // namespace sextant::embed
