#include "base/Checksums.h"

#include <openssl/evp.h>
#include <xxhash.h>

namespace sextant::base {

uint64_t xxh3(const void *data, size_t size) { return XXH3_64bits(data, size); }

struct Xxh3Stream::State {
    XXH3_state_t *s = XXH3_createState();
    ~State() { XXH3_freeState(s); }
};

Xxh3Stream::Xxh3Stream() : m_state(std::make_unique<State>()) { reset(); }
Xxh3Stream::~Xxh3Stream() = default;
void Xxh3Stream::reset() { XXH3_64bits_reset(m_state->s); }
void Xxh3Stream::update(const void *data, size_t size) { XXH3_64bits_update(m_state->s, data, size); }
uint64_t Xxh3Stream::digest() const { return XXH3_64bits_digest(m_state->s); }

struct Sha256::Ctx {
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    ~Ctx() { EVP_MD_CTX_free(ctx); }
};

Sha256::Sha256() : m_ctx(std::make_unique<Ctx>()) { EVP_DigestInit_ex(m_ctx->ctx, EVP_sha256(), nullptr); }
Sha256::~Sha256() = default;
void Sha256::update(const void *data, size_t size) { EVP_DigestUpdate(m_ctx->ctx, data, size); }

QString Sha256::finalHex()
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_DigestFinal_ex(m_ctx->ctx, md, &len);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(md), int(len)).toHex());
}

QString sha256Hex(const void *data, size_t size)
{
    Sha256 h;
    h.update(data, size);
    return h.finalHex();
}

} // namespace sextant::base
