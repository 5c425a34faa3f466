#include "processor_check.h"

#if defined(__x86_64__)
#include <cpuid.h>
#endif

atrous_cpu_words atrous_read_cpu_words(void) {
    atrous_cpu_words words = {0, 0, 0, 0};
#if defined(__x86_64__)
    unsigned int eax, ebx, ecx, edx;
    if (__get_cpuid(1, &eax, &ebx, &ecx, &edx)) words.leaf1_ecx = ecx;
    if (__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) words.leaf7_ebx = ebx;
    if (__get_cpuid(0x80000001u, &eax, &ebx, &ecx, &edx)) words.extended1_ecx = ecx;
    // XGETBV faults unless the system has enabled it (OSXSAVE); spelt in assembly so that
    // this file needs no -mxsave.
    if (words.leaf1_ecx & (1u << 27)) {
        uint32_t low, high;
        __asm__ volatile("xgetbv" : "=a"(low), "=d"(high) : "c"(0));
        words.xcr0 = ((uint64_t)high << 32) | low;
    }
#endif
    return words;
}

/// One feature: the word it is in, its bit, and its name.
typedef struct {
    int word;  // 0 leaf1_ecx, 1 leaf7_ebx, 2 extended1_ecx, 3 xcr0
    unsigned bit;
    const char *name;
} feature;

// x86-64-v2 and the additions of v3, as the psABI lists them. XCR0 bits 1 and 2 say the
// system saves the SSE and AVX registers: without them AVX instructions fault even where
// CPUID lists them.
static const feature features[] = {
    {0, 0, "SSE3"}, {0, 9, "SSSE3"}, {0, 13, "CMPXCHG16B"}, {0, 19, "SSE4.1"}, {0, 20, "SSE4.2"},
    {0, 23, "POPCNT"}, {2, 0, "LAHF/SAHF"},
    {0, 28, "AVX"}, {1, 5, "AVX2"}, {1, 3, "BMI1"}, {1, 8, "BMI2"}, {0, 29, "F16C"}, {0, 12, "FMA"},
    {2, 5, "LZCNT"}, {0, 22, "MOVBE"}, {0, 27, "XSAVE"},
    {3, 1, "SSE state saved by the system"}, {3, 2, "AVX state saved by the system"},
};

size_t atrous_missing_x86_64_v3(atrous_cpu_words words, const char **names, size_t capacity) {
    size_t missing = 0;
    for (size_t i = 0; i < sizeof features / sizeof features[0]; i++) {
        uint64_t word = features[i].word == 0 ? words.leaf1_ecx
                      : features[i].word == 1 ? words.leaf7_ebx
                      : features[i].word == 2 ? words.extended1_ecx
                      : words.xcr0;
        if (word & ((uint64_t)1 << features[i].bit)) continue;
        // Without XSAVE there is no XCR0 to read: the missing XSAVE says it all.
        if (features[i].word == 3 && !(words.leaf1_ecx & (1u << 27))) continue;
        if (missing < capacity) names[missing] = features[i].name;
        missing++;
    }
    return missing;
}

int atrous_core_requires_x86_64_v3(void) {
#if defined(__x86_64__) && defined(ATROUS_REQUIRES_X86_64_V3)
    return 1;
#else
    return 0;
#endif
}
