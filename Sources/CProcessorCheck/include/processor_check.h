// Whether this processor runs the code the convolution core was compiled for.
//
// This target is compiled for the baseline of its architecture, never with the core's
// -march flags, so the check itself runs on any processor: on one without AVX it must end
// with a sentence, not with an illegal instruction of its own.
#ifndef ATROUS_PROCESSOR_CHECK_H
#define ATROUS_PROCESSOR_CHECK_H

#include <stddef.h>
#include <stdint.h>

/// The CPUID and XCR0 words the x86-64-v3 features are read from.
typedef struct {
    uint32_t leaf1_ecx;        // CPUID 1: SSE3 .. AVX, F16C, FMA, MOVBE, OSXSAVE
    uint32_t leaf7_ebx;        // CPUID 7.0: AVX2, BMI1, BMI2
    uint32_t extended1_ecx;    // CPUID 0x80000001: LAHF/SAHF, LZCNT
    uint64_t xcr0;             // XGETBV(0): which register states the system saves; 0 without OSXSAVE
} atrous_cpu_words;

/// The words of this processor, all zero on an architecture other than x86-64.
atrous_cpu_words atrous_read_cpu_words(void);

/// Writes the names of the x86-64-v3 features missing from `words` (at most `capacity`, in a
/// fixed order) into `names` and returns how many are missing. The names are static strings.
size_t atrous_missing_x86_64_v3(atrous_cpu_words words, const char **names, size_t capacity);

/// Whether the core of this build was compiled for x86-64-v3 (the package's default on x86-64).
int atrous_core_requires_x86_64_v3(void);

#endif
