#include "processor_check.h"

#if defined(__x86_64__)
#include <cpuid.h>
#endif

atrous_cpu_words atrous_read_cpu_words(void) {
    atrous_cpu_words words = {0, 0, 0};
#if defined(__x86_64__)
    unsigned int eax, ebx, ecx, edx;
    if (__get_cpuid(1, &eax, &ebx, &ecx, &edx)) words.leaf1_ecx = ecx;
    if (__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) words.leaf7_ebx = ebx;
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
