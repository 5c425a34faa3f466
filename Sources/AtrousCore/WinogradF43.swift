/// The one-dimensional transforms of Winograd's F(4, 3): four outputs of a 3-tap
/// correlation from six inputs with six multiplications (Lavin and Gray, "Fast Algorithms
/// for Convolutional Neural Networks", 2016). Applied along both axes they give F(4x4, 3x3).
///
/// `Bᵀ` = [[4, 0, −5, 0, 1, 0], [0, −4, −4, 1, 1, 0], [0, 4, −4, −1, 1, 0], [0, −2, −1, 2, 1, 0],
/// [0, 2, −1, −2, 1, 0], [0, 4, 0, −5, 0, 1]];
/// `G` = [[¼, 0, 0], [−⅙, −⅙, −⅙], [−⅙, ⅙, −⅙], [1/24, 1/12, ⅙], [1/24, −1/12, ⅙], [0, 0, 1]];
/// `Aᵀ` = [[1, 1, 1, 1, 1, 0], [0, 1, −1, 2, −2, 0], [0, 1, 1, 4, 4, 0], [0, 1, −1, 8, −8, 1]].
enum WinogradF43 {
    /// Outputs per tile and axis; a tile reads `outputs + 2` inputs per axis.
    static var outputs: Int { 4 }

    /// `Bᵀ·d` of the six values `d(0)…d(5)`, handed to `result(i, value)` for each i.
    @inline(__always)
    static func transformInput<Vector: SIMD>(_ d: (Int) -> Vector, _ result: (Int, Vector) -> Void)
    where Vector.Scalar: ConvolutionScalar {
        let (d0, d1, d2, d3, d4, d5) = (d(0), d(1), d(2), d(3), d(4), d(5))
        let (two, four, five): (Vector.Scalar, Vector.Scalar, Vector.Scalar) = (2, 4, 5)
        let (a, b) = (d4 - four * d2, d3 - four * d1)
        let (c, e) = (d4 - d2, two * (d3 - d1))
        result(0, four * d0 - five * d2 + d4)
        result(1, a + b)
        result(2, a - b)
        result(3, c + e)
        result(4, c - e)
        result(5, four * d1 - five * d3 + d5)
    }

    /// `Aᵀ·m` of the six values `m(0)…m(5)`, handed to `result(a, value)` for each a below 4.
    @inline(__always)
    static func transformOutput<Vector: SIMD>(_ m: (Int) -> Vector, _ result: (Int, Vector) -> Void)
    where Vector.Scalar: ConvolutionScalar {
        let (m0, m1, m2, m3, m4, m5) = (m(0), m(1), m(2), m(3), m(4), m(5))
        let (two, four, eight): (Vector.Scalar, Vector.Scalar, Vector.Scalar) = (2, 4, 8)
        let (sum12, difference12, sum34, difference34) = (m1 + m2, m1 - m2, m3 + m4, m3 - m4)
        result(0, m0 + sum12 + sum34)
        result(1, difference12 + two * difference34)
        result(2, sum12 + four * sum34)
        result(3, difference12 + eight * difference34 + m5)
    }

    /// `G·g` of the three taps `g(0)…g(2)`, handed to `result(i, value)` for each i below 6.
    @inline(__always)
    static func transformKernel<Vector: SIMD>(_ g: (Int) -> Vector, _ result: (Int, Vector) -> Void)
    where Vector.Scalar: ConvolutionScalar {
        let (g0, g1, g2) = (g(0), g(1), g(2))
        let (quarter, sixth): (Vector.Scalar, Vector.Scalar) = (1 / 4, 1 / 6)
        let (twelfth, twentyFourth): (Vector.Scalar, Vector.Scalar) = (1 / 12, 1 / 24)
        let (outer, middle) = (g0 * twentyFourth + g2 * sixth, g1 * twelfth)
        result(0, g0 * quarter)
        result(1, -(g0 + g1 + g2) * sixth)
        result(2, -(g0 - g1 + g2) * sixth)
        result(3, outer + middle)
        result(4, outer - middle)
        result(5, g2)
    }
}
