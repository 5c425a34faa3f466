#include "convolution_kernels.h"

// Every output is the plain sum of its taps in one order; a compiler must not fuse a
// multiply and an add of its own accord (the kernels say where they fuse).
#pragma STDC FP_CONTRACT OFF

#if defined(__x86_64__)
#include <immintrin.h>

// AVX-512: 32 registers hold twelve positions of two 16-float (8-double) registers each.
#define KERNEL_NAME direct_row_avx512_float
#define KERNEL_TARGET __attribute__((target("avx512f")))
#define SCALAR float
#define VEC __m512
#define LANES 16
#define REGS 2
#define POSITIONS 12
#define VLOAD(p) _mm512_loadu_ps(p)
#define VSTORE(p, v) _mm512_storeu_ps(p, v)
#define VSET1(x) _mm512_set1_ps(x)
#define VZERO() _mm512_setzero_ps()
#define VADD(a, b) _mm512_add_ps(a, b)
#define VMULADD(acc, w, x) _mm512_fmadd_ps(w, x, acc)
#include "direct_row.inc"

#define KERNEL_NAME direct_row_avx512_double
#define KERNEL_TARGET __attribute__((target("avx512f")))
#define SCALAR double
#define VEC __m512d
#define LANES 8
#define REGS 2
#define POSITIONS 12
#define VLOAD(p) _mm512_loadu_pd(p)
#define VSTORE(p, v) _mm512_storeu_pd(p, v)
#define VSET1(x) _mm512_set1_pd(x)
#define VZERO() _mm512_setzero_pd()
#define VADD(a, b) _mm512_add_pd(a, b)
#define VMULADD(acc, w, x) _mm512_fmadd_pd(w, x, acc)
#include "direct_row.inc"

// AVX2 and FMA: 16 registers hold six positions of two 8-float (4-double) registers each.
#define KERNEL_NAME direct_row_avx2_float
#define KERNEL_TARGET __attribute__((target("avx2,fma")))
#define SCALAR float
#define VEC __m256
#define LANES 8
#define REGS 2
#define POSITIONS 6
#define VLOAD(p) _mm256_loadu_ps(p)
#define VSTORE(p, v) _mm256_storeu_ps(p, v)
#define VSET1(x) _mm256_set1_ps(x)
#define VZERO() _mm256_setzero_ps()
#define VADD(a, b) _mm256_add_ps(a, b)
#define VMULADD(acc, w, x) _mm256_fmadd_ps(w, x, acc)
#include "direct_row.inc"

#define KERNEL_NAME direct_row_avx2_double
#define KERNEL_TARGET __attribute__((target("avx2,fma")))
#define SCALAR double
#define VEC __m256d
#define LANES 4
#define REGS 2
#define POSITIONS 6
#define VLOAD(p) _mm256_loadu_pd(p)
#define VSTORE(p, v) _mm256_storeu_pd(p, v)
#define VSET1(x) _mm256_set1_pd(x)
#define VZERO() _mm256_setzero_pd()
#define VADD(a, b) _mm256_add_pd(a, b)
#define VMULADD(acc, w, x) _mm256_fmadd_pd(w, x, acc)
#include "direct_row.inc"

// Baseline x86-64 (SSE2, no fused multiply-add): the same block in 128-bit registers.
#define KERNEL_NAME direct_row_baseline_float
#define KERNEL_TARGET
#define SCALAR float
#define VEC __m128
#define LANES 4
#define REGS 2
#define POSITIONS 6
#define VLOAD(p) _mm_loadu_ps(p)
#define VSTORE(p, v) _mm_storeu_ps(p, v)
#define VSET1(x) _mm_set1_ps(x)
#define VZERO() _mm_setzero_ps()
#define VADD(a, b) _mm_add_ps(a, b)
#define VMULADD(acc, w, x) _mm_add_ps(acc, _mm_mul_ps(w, x))
#include "direct_row.inc"

#define KERNEL_NAME direct_row_baseline_double
#define KERNEL_TARGET
#define SCALAR double
#define VEC __m128d
#define LANES 2
#define REGS 2
#define POSITIONS 6
#define VLOAD(p) _mm_loadu_pd(p)
#define VSTORE(p, v) _mm_storeu_pd(p, v)
#define VSET1(x) _mm_set1_pd(x)
#define VZERO() _mm_setzero_pd()
#define VADD(a, b) _mm_add_pd(a, b)
#define VMULADD(acc, w, x) _mm_add_pd(acc, _mm_mul_pd(w, x))
#include "direct_row.inc"

#elif defined(__aarch64__)
#include <arm_neon.h>

// NEON: 32 registers hold six positions of four 4-float (2-double) registers each.
#define KERNEL_NAME direct_row_neon_float
#define KERNEL_TARGET
#define SCALAR float
#define VEC float32x4_t
#define LANES 4
#define REGS 4
#define POSITIONS 6
#define VLOAD(p) vld1q_f32(p)
#define VSTORE(p, v) vst1q_f32(p, v)
#define VSET1(x) vdupq_n_f32(x)
#define VZERO() vdupq_n_f32(0)
#define VADD(a, b) vaddq_f32(a, b)
#define VMULADD(acc, w, x) vfmaq_f32(acc, w, x)
#include "direct_row.inc"

#define KERNEL_NAME direct_row_neon_double
#define KERNEL_TARGET
#define SCALAR double
#define VEC float64x2_t
#define LANES 2
#define REGS 4
#define POSITIONS 6
#define VLOAD(p) vld1q_f64(p)
#define VSTORE(p, v) vst1q_f64(p, v)
#define VSET1(x) vdupq_n_f64(x)
#define VZERO() vdupq_n_f64(0)
#define VADD(a, b) vaddq_f64(a, b)
#define VMULADD(acc, w, x) vfmaq_f64(acc, w, x)
#include "direct_row.inc"

#else
// Any other processor: scalars, the compiler's vectors if it finds them.
#define KERNEL_NAME direct_row_baseline_float
#define KERNEL_TARGET
#define SCALAR float
#define VEC float
#define LANES 1
#define REGS 4
#define POSITIONS 4
#define VLOAD(p) (*(p))
#define VSTORE(p, v) (*(p) = (v))
#define VSET1(x) (x)
#define VZERO() 0.0f
#define VADD(a, b) ((a) + (b))
#define VMULADD(acc, w, x) ((acc) + (w) * (x))
#include "direct_row.inc"

#define KERNEL_NAME direct_row_baseline_double
#define KERNEL_TARGET
#define SCALAR double
#define VEC double
#define LANES 1
#define REGS 4
#define POSITIONS 4
#define VLOAD(p) (*(p))
#define VSTORE(p, v) (*(p) = (v))
#define VSET1(x) (x)
#define VZERO() 0.0
#define VADD(a, b) ((a) + (b))
#define VMULADD(acc, w, x) ((acc) + (w) * (x))
#include "direct_row.inc"
#endif

#define KERNEL(prefix, float_lanes, double_lanes) \
    (atrous_direct_kernel){prefix##_float, prefix##_double, float_lanes, double_lanes}

atrous_direct_kernel atrous_direct_kernel_for(atrous_kernel_isa isa) {
    switch (isa) {
#if defined(__x86_64__)
    case ATROUS_KERNEL_BASELINE: return KERNEL(direct_row_baseline, 8, 4);
    case ATROUS_KERNEL_AVX2: return KERNEL(direct_row_avx2, 16, 8);
    case ATROUS_KERNEL_AVX512: return KERNEL(direct_row_avx512, 32, 16);
#elif defined(__aarch64__)
    case ATROUS_KERNEL_NEON: return KERNEL(direct_row_neon, 16, 8);
#else
    case ATROUS_KERNEL_BASELINE: return KERNEL(direct_row_baseline, 4, 4);
#endif
    default: return (atrous_direct_kernel){0, 0, 0, 0};
    }
}

// CPUID 1 ECX: FMA 12, OSXSAVE 27, AVX 28. CPUID 7.0 EBX: AVX2 5, AVX-512F 16.
// XCR0: SSE 1, AVX 2, AVX-512 opmask 5, upper halves of zmm0-15 6, zmm16-31 7: the system
// must save each register state, or instructions using it fault.
#define BIT(n) ((uint64_t)1 << (n))

int atrous_direct_kernel_runs(atrous_kernel_isa isa, atrous_cpu_words words) {
    if (atrous_direct_kernel_for(isa).float_row == 0) return 0;
    const int avx = (words.leaf1_ecx & BIT(27)) && (words.leaf1_ecx & BIT(28))
                 && (words.xcr0 & (BIT(1) | BIT(2))) == (BIT(1) | BIT(2));
    const int avx2 = avx && (words.leaf7_ebx & BIT(5)) && (words.leaf1_ecx & BIT(12));
    const uint64_t zmm_state = BIT(5) | BIT(6) | BIT(7);
    switch (isa) {
    case ATROUS_KERNEL_AVX2: return avx2;
    case ATROUS_KERNEL_AVX512:
        return avx2 && (words.leaf7_ebx & BIT(16)) && (words.xcr0 & zmm_state) == zmm_state;
    default: return 1;  // the baseline, and NEON on every arm64
    }
}
