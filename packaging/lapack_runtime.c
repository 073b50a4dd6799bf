/* The four functions of the Fortran runtime (libgfortran, 2.9 MB, and libquadmath it links)
 * that the LAPACK routines numpy calls use, for the stand-in that links those routines in
 * (packaging/blas_reference.py). libgfortran.a cannot go into a shared library (its TLS is not
 * PIC), so these are written here: a blank-padded concatenation, integer powers by repeated
 * squaring (the same steps as the runtime's, so the same roundings), and LAPACK's error
 * report, which prints as the reference's does and returns (the routine then returns
 * INFO < 0, which numpy reports) where the reference's would stop the process. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define HIDDEN __attribute__((visibility("hidden")))

HIDDEN void xerbla_(const char *name, const int64_t *info, size_t name_len) {
    fprintf(stderr, " ** On entry to %.*s parameter number %lld had an illegal value\n",
            (int)name_len, name, (long long)*info);
}

HIDDEN void _gfortran_concat_string(size_t length, char *out, size_t first_length,
                                    const char *first, size_t second_length,
                                    const char *second) {
    size_t from_first = first_length < length ? first_length : length;
    size_t left = length - from_first;
    size_t from_second = second_length < left ? second_length : left;
    memcpy(out, first, from_first);
    memcpy(out + from_first, second, from_second);
    memset(out + from_first + from_second, ' ', left - from_second);
}

#define POWER(name, real)                                          \
    HIDDEN real name(real base, int64_t exponent) {                \
        real result = 1;                                           \
        uint64_t bits = exponent < 0 ? -(uint64_t)exponent : (uint64_t)exponent; \
        if (exponent < 0)                                          \
            base = result / base;                                  \
        for (; bits; bits >>= 1) {                                 \
            if (bits & 1)                                          \
                result *= base;                                    \
            if (bits > 1)                                          \
                base *= base;                                      \
        }                                                          \
        return result;                                             \
    }

POWER(_gfortran_pow_r4_i8, float)
POWER(_gfortran_pow_r8_i8, double)
