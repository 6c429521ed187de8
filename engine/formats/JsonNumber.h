#pragma once
// JSON numbers read straight into float32, for the vectors of JSON Lines
// records. Internal to engine/io.
//
// The result is the float nearest to the decimal (ties to even), exactly as
// std::from_chars gives it; JSON's grammar is enforced ("01", ".5", "1.",
// "+1", hexadecimal, NaN and Infinity are not numbers).

#include <QtGlobal>

#include <charconv>
#include <cstring>

namespace sextant::formats::json {

inline bool isJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

inline bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Where a value inside an array or object ends.
inline bool endsToken(char c) { return c == ',' || c == ']' || c == '}' || isJsonSpace(c); }

struct ScannedFloat {
    enum class Status {
        Ok,
        NotANumber, // the text at `begin` is not a JSON number ending at a token boundary
        OutOfRange, // a JSON number beyond float32's range (about ±3.4e38)
    };
    Status status = Status::NotANumber;
    const char *end = nullptr; // past the number, unless NotANumber
    float value = 0;           // numbers too small for a float are ±0
};

// Reads the number at `begin`. Defined below and always inlined: it runs
// once per vector element, where a call costs a noticeable share.
Q_ALWAYS_INLINE ScannedFloat readFloat32(const char *begin, const char *end);

namespace detail {

// A JSON number as scanned: value = ±mantissa × 10^exponent, give or take
// the digits beyond the 19th that did not fit the mantissa.
struct DecimalNumber {
    const char *end = nullptr; // past the number; nullptr when the text is not a JSON number
    bool negative = false;
    quint64 mantissa = 0;
    int significantDigits = 0; // digits in mantissa, leading zeros not counted
    bool truncated = false;    // nonzero digits were left out of the mantissa
    long long exponent = 0;
};

// SWAR digit parsing (the technique of simdjson and fast_float): eight
// ASCII digits in one little-endian 64-bit word.
inline bool isEightDigits(quint64 chunk)
{
    return (((chunk + 0x4646464646464646) | (chunk - 0x3030303030303030)) & 0x8080808080808080) == 0;
}

inline quint64 eightDigitsValue(quint64 chunk)
{
    constexpr quint64 mask = 0x000000FF000000FF;
    constexpr quint64 multiplier1 = 100 + (1000000ull << 32);
    constexpr quint64 multiplier2 = 1 + (10000ull << 32);
    chunk -= 0x3030303030303030;
    chunk = chunk * 10 + (chunk >> 8);
    chunk = (((chunk & mask) * multiplier1) + (((chunk >> 16) & mask) * multiplier2)) >> 32;
    return quint32(chunk);
}

// Scans one number by JSON's grammar, ending at ',', ']', '}', whitespace
// or the end of the line.
Q_ALWAYS_INLINE DecimalNumber scanJsonNumber(const char *p, const char *end)
{
    // Locals rather than the struct's fields keep the digit loops in registers.
    constexpr int kMaxMantissaDigits = 19; // 10^19 - 1 fits in 64 bits
    quint64 mantissa = 0;
    int digits = 0;
    long long exponent = 0;
    bool truncated = false;
    DecimalNumber number;
    if (p < end && *p == '-') {
        number.negative = true;
        ++p;
    }
    if (p == end || !isDigit(*p)) return {};
    if (*p == '0') {
        ++p;
        if (p < end && isDigit(*p)) return {}; // "01"
    } else {
        for (; p < end && isDigit(*p); ++p) {
            if (digits < kMaxMantissaDigits) {
                mantissa = mantissa * 10 + quint64(*p - '0');
                ++digits;
            } else {
                ++exponent; // an integer digit that did not fit still scales the value
                truncated |= *p != '0';
            }
        }
    }
    if (p < end && *p == '.') {
        ++p;
        if (p == end || !isDigit(*p)) return {}; // "1." and "1.e5"
        if (mantissa == 0) {                     // leading zeros of "0.000123" only scale the value
            const char *zeros = p;
            while (p < end && *p == '0')
                ++p;
            exponent -= p - zeros;
        }
        // Eight digits at a time while they fit: embeddings are mostly
        // fractions with 7 to 9 digits.
#if Q_BYTE_ORDER == Q_LITTLE_ENDIAN
        while (end - p >= 8 && digits <= kMaxMantissaDigits - 8) {
            quint64 chunk;
            std::memcpy(&chunk, p, sizeof chunk);
            if (!isEightDigits(chunk)) break;
            mantissa = mantissa * 100000000 + eightDigitsValue(chunk);
            digits += 8;
            exponent -= 8;
            p += 8;
        }
#endif
        for (; p < end && isDigit(*p); ++p) {
            if (digits < kMaxMantissaDigits) {
                mantissa = mantissa * 10 + quint64(*p - '0');
                ++digits;
                --exponent;
            } else {
                truncated |= *p != '0';
            }
        }
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        ++p;
        bool negativeExponent = false;
        if (p < end && (*p == '+' || *p == '-')) {
            negativeExponent = *p == '-';
            ++p;
        }
        if (p == end || !isDigit(*p)) return {};
        long long written = 0;
        for (; p < end && isDigit(*p); ++p)
            if (written < 1'000'000'000) // saturate: "1e99999999999999999999" must not overflow
                written = written * 10 + (*p - '0');
        exponent += negativeExponent ? -written : written;
    }
    if (p < end && !endsToken(*p)) return {};
    number.end = p;
    number.mantissa = mantissa;
    number.significantDigits = digits;
    number.truncated = truncated;
    number.exponent = exponent;
    return number;
}

// Clinger's fast path: when the mantissa and the power of ten are both
// exact doubles, one IEEE multiplication or division rounds correctly, and
// rounding that double to float is then correct too, unless the double
// lands exactly halfway between two floats (then the tie could have been
// decided by digits the double dropped). Returns false to defer to
// std::from_chars, which is exact for every input but about twice as slow.
Q_ALWAYS_INLINE bool convertExactly(const DecimalNumber &number, float &value)
{
    static constexpr double powersOfTen[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                             1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    if (number.truncated || number.mantissa > (quint64(1) << 53) || number.exponent < -22 || number.exponent > 22)
        return false;
    double magnitude = double(number.mantissa);
    if (number.exponent < 0)
        magnitude /= powersOfTen[-number.exponent];
    else
        magnitude *= powersOfTen[number.exponent];
    quint64 bits;
    std::memcpy(&bits, &magnitude, sizeof bits);
    // A double has 29 more fraction bits than a float; a float midpoint has
    // exactly the highest of them set.
    constexpr quint64 kDroppedBits = (quint64(1) << 29) - 1;
    if ((bits & kDroppedBits) == (quint64(1) << 28)) return false;
    value = float(number.negative ? -magnitude : magnitude);
    return true;
}

} // namespace detail

Q_ALWAYS_INLINE ScannedFloat readFloat32(const char *begin, const char *end)
{
    using namespace detail;
    ScannedFloat result;
    const DecimalNumber number = scanJsonNumber(begin, end);
    if (!number.end) return result;
    result.end = number.end;
    result.status = ScannedFloat::Status::Ok;
    if (convertExactly(number, result.value)) return result;
    const auto [parsedEnd, error] = std::from_chars(begin, number.end, result.value);
    if (error == std::errc::result_out_of_range) {
        if (number.significantDigits + number.exponent > 0) {
            result.status = ScannedFloat::Status::OutOfRange;
            return result;
        }
        // Smaller than half the least subnormal float: it rounds to zero.
        result.value = number.negative ? -0.0f : 0.0f;
    } else if (error != std::errc() || parsedEnd != number.end) {
        result.status = ScannedFloat::Status::NotANumber; // not reached: the scan accepted it
    }
    return result;
}

} // namespace sextant::formats::json
