#pragma once
// XXH3-64 for every WAL frame and data block (fast, detects damage);
// SHA-256 (OpenSSL EVP) for whole files named by the manifest.

#include <QByteArray>
#include <QString>
#include <cstddef>
#include <cstdint>
#include <memory>

namespace sextant::base {

uint64_t xxh3(const void *data, size_t size);
inline uint64_t xxh3(const QByteArray &bytes) { return xxh3(bytes.constData(), size_t(bytes.size())); }

class Xxh3Stream {
public:
    Xxh3Stream();
    ~Xxh3Stream();
    void reset();
    void update(const void *data, size_t size);
    uint64_t digest() const;

private:
    struct State;
    std::unique_ptr<State> m_state;
};

class Sha256 {
public:
    Sha256();
    ~Sha256();
    void update(const void *data, size_t size);
    // Lower-case hex; the object is spent afterwards.
    QString finalHex();

private:
    struct Ctx;
    std::unique_ptr<Ctx> m_ctx;
};

QString sha256Hex(const void *data, size_t size);

} // namespace sextant::base
