#include "row_kernels.h"

// Each output is its bias plus its taps, each product rounded before it is added: a compiler
// must not fuse a multiply and an add of its own accord, in any version.
#pragma STDC FP_CONTRACT OFF

#if defined(__x86_64__)
#define KERNEL_NAME one_channel_row_avx512_float
#define KERNEL_TARGET __attribute__((target("avx512f")))
#define SCALAR float
#include "one_channel_row.inc"

#define KERNEL_NAME one_channel_row_avx512_double
#define KERNEL_TARGET __attribute__((target("avx512f")))
#define SCALAR double
#include "one_channel_row.inc"

#define KERNEL_NAME one_channel_row_avx2_float
#define KERNEL_TARGET __attribute__((target("avx2,fma")))
#define SCALAR float
#include "one_channel_row.inc"

#define KERNEL_NAME one_channel_row_avx2_double
#define KERNEL_TARGET __attribute__((target("avx2,fma")))
#define SCALAR double
#include "one_channel_row.inc"
#endif

// Baseline x86-64 (SSE2), arm64 (NEON is part of its baseline) and any other processor.
#define KERNEL_NAME one_channel_row_baseline_float
#define KERNEL_TARGET
#define SCALAR float
#include "one_channel_row.inc"

#define KERNEL_NAME one_channel_row_baseline_double
#define KERNEL_TARGET
#define SCALAR double
#include "one_channel_row.inc"

#define KERNEL(prefix) (atrous_one_channel_kernel){prefix##_float, prefix##_double}

atrous_one_channel_kernel atrous_one_channel_kernel_for(atrous_kernel_isa isa) {
    switch (isa) {
#if defined(__x86_64__)
    case ATROUS_KERNEL_BASELINE: return KERNEL(one_channel_row_baseline);
    case ATROUS_KERNEL_AVX2: return KERNEL(one_channel_row_avx2);
    case ATROUS_KERNEL_AVX512: return KERNEL(one_channel_row_avx512);
#elif defined(__aarch64__)
    case ATROUS_KERNEL_NEON: return KERNEL(one_channel_row_baseline);
#else
    case ATROUS_KERNEL_BASELINE: return KERNEL(one_channel_row_baseline);
#endif
    default: return (atrous_one_channel_kernel){0, 0};
    }
}
