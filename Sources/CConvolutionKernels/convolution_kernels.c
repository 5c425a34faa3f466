#include "convolution_kernels.h"

// Every output is the plain sum of its taps in one order; a compiler must not fuse a
// multiply and an add of its own accord (the kernels say where they fuse).
#pragma STDC FP_CONTRACT OFF

// Each instruction set defines its vector operations once per scalar type, then includes
// direct_span.inc once per block: a wide one of two registers of channels (four on NEON), and a
// narrow one of a single register with more positions, for layers with few output channels.
// Both add every output's terms in the same order, so they give the same bits.
// A position of a span as the kernels walk it: its number, and its image, row and column.
typedef struct {
    ptrdiff_t index, image, row, column;
} atrous_position;

#if defined(__x86_64__)
#include <immintrin.h>

// AVX-512: 32 registers hold twelve positions of two 16-float (8-double) registers each, or
// 24 positions of one.
#define KERNEL_TARGET __attribute__((target("avx512f")))
#define SCALAR float
#define VEC __m512
#define LANES 16
#define VLOAD(p) _mm512_loadu_ps(p)
#define VSTORE(p, v) _mm512_storeu_ps(p, v)
#define VSET1(x) _mm512_set1_ps(x)
#define VZERO() _mm512_setzero_ps()
#define VADD(a, b) _mm512_add_ps(a, b)
#define VMULADD(acc, w, x) _mm512_fmadd_ps(w, x, acc)
#define KERNEL_NAME direct_span_avx512_float
#define REGS 2
#define POSITIONS 12
#include "direct_span.inc"
// The narrow block reads every third position's input values 16 at a time and spreads each
// with a permute (see direct_span.inc): 15 accumulators, 5 registers of input values; ten
// broadcast loads and five permutes per weight load run at 222 GFLOP/s on one Zen 5 core
// (the 512x512x3 7x7 layer), where 24 broadcast loads ran at 181.
#define KERNEL_NAME direct_span_avx512_float_narrow
#define REGS 1
#define POSITIONS 15
#define VPERMUTE(index, v) _mm512_permutexvar_ps(index, v)
#define PERMUTED 3
#define VINDEX __m512i
#define VINDEX_ZERO() _mm512_setzero_si512()
#define VINDEX_NEXT(index) _mm512_add_epi32(index, _mm512_set1_epi32(1))
#define VLOAD_FIRST(p, n) _mm512_maskz_loadu_ps((__mmask16)((1u << (n)) - 1), p)
#include "direct_span.inc"
#undef PERMUTED
#undef VINDEX
#undef VINDEX_ZERO
#undef VINDEX_NEXT
#undef VLOAD_FIRST
#include "vector_ops_end.inc"

#define KERNEL_TARGET __attribute__((target("avx512f")))
#define SCALAR double
#define VEC __m512d
#define LANES 8
#define VLOAD(p) _mm512_loadu_pd(p)
#define VSTORE(p, v) _mm512_storeu_pd(p, v)
#define VSET1(x) _mm512_set1_pd(x)
#define VZERO() _mm512_setzero_pd()
#define VADD(a, b) _mm512_add_pd(a, b)
#define VMULADD(acc, w, x) _mm512_fmadd_pd(w, x, acc)
#define KERNEL_NAME direct_span_avx512_double
#define REGS 2
#define POSITIONS 12
#include "direct_span.inc"
#define KERNEL_NAME direct_span_avx512_double_narrow
#define REGS 1
#define POSITIONS 24
#include "direct_span.inc"
#include "vector_ops_end.inc"

// AVX2 and FMA: 16 registers hold six positions of two 8-float (4-double) registers each, or
// twelve of one.
#define KERNEL_TARGET __attribute__((target("avx2,fma")))
#define SCALAR float
#define VEC __m256
#define LANES 8
#define VLOAD(p) _mm256_loadu_ps(p)
#define VSTORE(p, v) _mm256_storeu_ps(p, v)
#define VSET1(x) _mm256_set1_ps(x)
#define VZERO() _mm256_setzero_ps()
#define VADD(a, b) _mm256_add_ps(a, b)
#define VMULADD(acc, w, x) _mm256_fmadd_ps(w, x, acc)
#define KERNEL_NAME direct_span_avx2_float
#define REGS 2
#define POSITIONS 6
#include "direct_span.inc"
#define KERNEL_NAME direct_span_avx2_float_narrow
#define REGS 1
#define POSITIONS 12
#include "direct_span.inc"
#include "vector_ops_end.inc"

#define KERNEL_TARGET __attribute__((target("avx2,fma")))
#define SCALAR double
#define VEC __m256d
#define LANES 4
#define VLOAD(p) _mm256_loadu_pd(p)
#define VSTORE(p, v) _mm256_storeu_pd(p, v)
#define VSET1(x) _mm256_set1_pd(x)
#define VZERO() _mm256_setzero_pd()
#define VADD(a, b) _mm256_add_pd(a, b)
#define VMULADD(acc, w, x) _mm256_fmadd_pd(w, x, acc)
#define KERNEL_NAME direct_span_avx2_double
#define REGS 2
#define POSITIONS 6
#include "direct_span.inc"
#define KERNEL_NAME direct_span_avx2_double_narrow
#define REGS 1
#define POSITIONS 12
#include "direct_span.inc"
#include "vector_ops_end.inc"

// Baseline x86-64 (SSE2, no fused multiply-add): the same blocks in 128-bit registers.
#define KERNEL_TARGET
#define SCALAR float
#define VEC __m128
#define LANES 4
#define VLOAD(p) _mm_loadu_ps(p)
#define VSTORE(p, v) _mm_storeu_ps(p, v)
#define VSET1(x) _mm_set1_ps(x)
#define VZERO() _mm_setzero_ps()
#define VADD(a, b) _mm_add_ps(a, b)
#define VMULADD(acc, w, x) _mm_add_ps(acc, _mm_mul_ps(w, x))
#define KERNEL_NAME direct_span_baseline_float
#define REGS 2
#define POSITIONS 6
#include "direct_span.inc"
#define KERNEL_NAME direct_span_baseline_float_narrow
#define REGS 1
#define POSITIONS 12
#include "direct_span.inc"
#include "vector_ops_end.inc"

#define KERNEL_TARGET
#define SCALAR double
#define VEC __m128d
#define LANES 2
#define VLOAD(p) _mm_loadu_pd(p)
#define VSTORE(p, v) _mm_storeu_pd(p, v)
#define VSET1(x) _mm_set1_pd(x)
#define VZERO() _mm_setzero_pd()
#define VADD(a, b) _mm_add_pd(a, b)
#define VMULADD(acc, w, x) _mm_add_pd(acc, _mm_mul_pd(w, x))
#define KERNEL_NAME direct_span_baseline_double
#define REGS 2
#define POSITIONS 6
#include "direct_span.inc"
#define KERNEL_NAME direct_span_baseline_double_narrow
#define REGS 1
#define POSITIONS 12
#include "direct_span.inc"
#include "vector_ops_end.inc"

#elif defined(__aarch64__)
#include <arm_neon.h>

// NEON: 32 registers hold six positions of four 4-float (2-double) registers each, or 24
// positions of one.
#define KERNEL_TARGET
#define SCALAR float
#define VEC float32x4_t
#define LANES 4
#define VLOAD(p) vld1q_f32(p)
#define VSTORE(p, v) vst1q_f32(p, v)
#define VSET1(x) vdupq_n_f32(x)
#define VZERO() vdupq_n_f32(0)
#define VADD(a, b) vaddq_f32(a, b)
#define VMULADD(acc, w, x) vfmaq_f32(acc, w, x)
#define KERNEL_NAME direct_span_neon_float
#define REGS 4
#define POSITIONS 6
#include "direct_span.inc"
#define KERNEL_NAME direct_span_neon_float_narrow
#define REGS 1
#define POSITIONS 24
#include "direct_span.inc"
#include "vector_ops_end.inc"

#define KERNEL_TARGET
#define SCALAR double
#define VEC float64x2_t
#define LANES 2
#define VLOAD(p) vld1q_f64(p)
#define VSTORE(p, v) vst1q_f64(p, v)
#define VSET1(x) vdupq_n_f64(x)
#define VZERO() vdupq_n_f64(0)
#define VADD(a, b) vaddq_f64(a, b)
#define VMULADD(acc, w, x) vfmaq_f64(acc, w, x)
#define KERNEL_NAME direct_span_neon_double
#define REGS 4
#define POSITIONS 6
#include "direct_span.inc"
#define KERNEL_NAME direct_span_neon_double_narrow
#define REGS 1
#define POSITIONS 24
#include "direct_span.inc"
#include "vector_ops_end.inc"

#else
// Any other processor: scalars, the compiler's vectors if it finds them.
#define KERNEL_TARGET
#define SCALAR float
#define VEC float
#define LANES 1
#define VLOAD(p) (*(p))
#define VSTORE(p, v) (*(p) = (v))
#define VSET1(x) (x)
#define VZERO() 0.0f
#define VADD(a, b) ((a) + (b))
#define VMULADD(acc, w, x) ((acc) + (w) * (x))
#define KERNEL_NAME direct_span_baseline_float
#define REGS 4
#define POSITIONS 4
#include "direct_span.inc"
#define KERNEL_NAME direct_span_baseline_float_narrow
#define REGS 1
#define POSITIONS 8
#include "direct_span.inc"
#include "vector_ops_end.inc"

#define KERNEL_TARGET
#define SCALAR double
#define VEC double
#define LANES 1
#define VLOAD(p) (*(p))
#define VSTORE(p, v) (*(p) = (v))
#define VSET1(x) (x)
#define VZERO() 0.0
#define VADD(a, b) ((a) + (b))
#define VMULADD(acc, w, x) ((acc) + (w) * (x))
#define KERNEL_NAME direct_span_baseline_double
#define REGS 4
#define POSITIONS 4
#include "direct_span.inc"
#define KERNEL_NAME direct_span_baseline_double_narrow
#define REGS 1
#define POSITIONS 8
#include "direct_span.inc"
#include "vector_ops_end.inc"
#endif

// The wide blocks hold two registers of channels (four on NEON, four scalars elsewhere); the
// narrow ones one.
#define KERNEL(prefix, float_lanes, double_lanes, regs)                                          \
    (atrous_direct_kernel){{prefix##_float, (float_lanes) * (regs)},                             \
                           {prefix##_float_narrow, (float_lanes)},                               \
                           {prefix##_double, (double_lanes) * (regs)},                           \
                           {prefix##_double_narrow, (double_lanes)}}

atrous_direct_kernel atrous_direct_kernel_for(atrous_kernel_isa isa) {
    switch (isa) {
#if defined(__x86_64__)
    case ATROUS_KERNEL_BASELINE: return KERNEL(direct_span_baseline, 4, 2, 2);
    case ATROUS_KERNEL_AVX2: return KERNEL(direct_span_avx2, 8, 4, 2);
    case ATROUS_KERNEL_AVX512: return KERNEL(direct_span_avx512, 16, 8, 2);
#elif defined(__aarch64__)
    case ATROUS_KERNEL_NEON: return KERNEL(direct_span_neon, 4, 2, 4);
#else
    case ATROUS_KERNEL_BASELINE: return KERNEL(direct_span_baseline, 1, 1, 4);
#endif
    default: return (atrous_direct_kernel){{0, 0}, {0, 0}, {0, 0}, {0, 0}};
    }
}

// CPUID 1 ECX: FMA 12, OSXSAVE 27, AVX 28. CPUID 7.0 EBX: AVX2 5, AVX-512F 16.
// XCR0: SSE 1, AVX 2, AVX-512 opmask 5, upper halves of zmm0-15 6, zmm16-31 7: the system
// must save each register state, or instructions using it fault.
#define BIT(n) ((uint64_t)1 << (n))

int atrous_direct_kernel_runs(atrous_kernel_isa isa, atrous_cpu_words words) {
    if (atrous_direct_kernel_for(isa).float_wide.run == 0) return 0;
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
