// What the processor reports: the CPUID and XCR0 words the kernels' instruction sets are
// read from (see convolution_kernels.h). Built for the baseline of its architecture, like
// every target.
#ifndef ATROUS_PROCESSOR_CHECK_H
#define ATROUS_PROCESSOR_CHECK_H

#include <stdint.h>

/// The CPUID and XCR0 words the instruction sets are read from.
typedef struct {
    uint32_t leaf1_ecx;        // CPUID 1: FMA, OSXSAVE, AVX
    uint32_t leaf7_ebx;        // CPUID 7.0: AVX2, AVX-512F
    uint64_t xcr0;             // XGETBV(0): which register states the system saves; 0 without OSXSAVE
} atrous_cpu_words;

/// The words of this processor, all zero on an architecture other than x86-64.
atrous_cpu_words atrous_read_cpu_words(void);

#endif
