#pragma once
// The AVX2 integer kernel for 8-bit codes, shared by the AVX2 and AVX-512
// levels (every AVX-512 CPU has AVX2; 384 codes are twelve 32-byte steps,
// and a graph search waits on memory, not on these instructions). Included
// by Distance_avx2.cpp and Distance_avx512.cpp after Distance_impl.h, inside
// their anonymous namespace, so each gets its own copy compiled for its own
// target.

struct Avx2Int8 {
    // |a| (unsigned) times b with a's sign, 32 bytes at a time: vpmaddubsw
    // sums pairs into 16 bits, which cannot saturate for codes in
    // [-127, 127] (2 * 127 * 127 = 32258), then vpmaddwd widens to 32 bits.
    SEXTANT_DISTANCE_INLINE static __m256i stepI8(const int8_t *a, const int8_t *b, __m256i ones, __m256i acc)
    {
        const __m256i va = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(a));
        const __m256i vb = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(b));
        const __m256i pairs = _mm256_maddubs_epi16(_mm256_sign_epi8(va, va), _mm256_sign_epi8(vb, va));
        return _mm256_add_epi32(acc, _mm256_madd_epi16(pairs, ones));
    }
    static SEXTANT_DISTANCE_TARGET int32_t dotI8(const int8_t *a, const int8_t *b, size_t n)
    {
        const __m256i ones = _mm256_set1_epi16(1);
        __m256i acc0 = _mm256_setzero_si256(), acc1 = _mm256_setzero_si256();
        size_t k = 0;
        for (; k + 64 <= n; k += 64) {
            acc0 = stepI8(a + k, b + k, ones, acc0);
            acc1 = stepI8(a + k + 32, b + k + 32, ones, acc1);
        }
        if (k + 32 <= n) {
            acc0 = stepI8(a + k, b + k, ones, acc0);
            k += 32;
        }
        const __m256i acc = _mm256_add_epi32(acc0, acc1);
        __m128i s4 = _mm_add_epi32(_mm256_castsi256_si128(acc), _mm256_extracti128_si256(acc, 1));
        s4 = _mm_add_epi32(s4, _mm_shuffle_epi32(s4, 0x4E));
        s4 = _mm_add_epi32(s4, _mm_shuffle_epi32(s4, 0xB1));
        int32_t s = _mm_cvtsi128_si32(s4);
        for (; k < n; ++k)
            s += int32_t(a[k]) * int32_t(b[k]);
        return s;
    }
};
