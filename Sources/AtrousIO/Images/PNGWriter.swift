import AtrousCore
import CPNG

/// Encodes PNG images with the system's libpng (its simplified `png_image` API).
public enum PNGWriter {
    /// Bits per sample of the written file.
    public enum BitDepth: Sendable {
        case eight, sixteen
    }

    /// Encodes an image whose values lie in [0, 1] as a PNG file's bytes.
    ///
    /// - Parameters:
    ///   - image: (H,W) or (H,W,C) with C = 1 (gray), 2 (gray, alpha), 3 (RGB) or 4 (RGBA),
    ///     each value in [0, 1], as ``PNGReader`` returns them.
    ///   - bitDepth: 8 bits (written with an sRGB chunk) or 16 bits (written as linear, gamma 1).
    /// - Returns: the bytes of a complete PNG file, which ``PNGReader`` reads back to the same
    ///   values at the chosen depth.
    /// - Throws: ``ImageError`` for another shape, a value outside [0, 1] (NaN included), or a
    ///   failure inside libpng.
    public static func encode(_ image: Tensor<Double>, bitDepth: BitDepth = .eight) throws(ImageError) -> [UInt8] {
        let shape = image.shape
        guard shape.count == 2 || shape.count == 3, shape.allSatisfy({ $0 >= 1 }),
              shape.count == 2 || (1...4).contains(shape[2]) else { throw ImageError.pngShape(shape: shape) }
        let channels = shape.count == 2 ? 1 : shape[2]
        if let bad = image.scalars.firstIndex(where: { !(0...1).contains($0) }) {
            throw ImageError.pngValueOutOfRange(value: image.scalars[bad], index: multiIndex(bad, in: shape))
        }
        var png = png_image()
        png.version = png_uint_32(PNG_IMAGE_VERSION)
        png.height = png_uint_32(shape[0])
        png.width = png_uint_32(shape[1])
        // The channel count minus one is exactly the alpha and colour flags: 1 G, 2 GA, 3 RGB, 4 RGBA.
        png.format = png_uint_32(channels - 1)
        defer { png_image_free(&png) }
        switch bitDepth {
        case .eight:
            let samples = image.scalars.map { UInt8(($0 * 255).rounded()) }
            return try write(&png, samples)
        case .sixteen:
            png.format |= png_uint_32(PNG_FORMAT_FLAG_LINEAR)
            var samples = image.scalars.map { UInt16(($0 * 65535).rounded()) }
            // The simplified API takes 16-bit colour premultiplied by alpha.
            if channels == 2 || channels == 4 { premultiply(&samples, channels: channels) }
            return try write(&png, samples)
        }
    }

    private static func write<Sample>(_ png: inout png_image, _ samples: [Sample]) throws(ImageError) -> [UInt8] {
        // The first call measures the file, the second writes it.
        var size: png_alloc_size_t = 0
        let measured = samples.withUnsafeBytes {
            png_image_write_to_memory(&png, nil, &size, 0, $0.baseAddress, 0, nil)
        }
        guard measured != 0 else { throw ImageError.pngEncodingFailed(message: PNGReader.message(of: png)) }
        var bytes = [UInt8](repeating: 0, count: Int(size))
        let written = samples.withUnsafeBytes { buffer in
            bytes.withUnsafeMutableBytes {
                png_image_write_to_memory(&png, $0.baseAddress, &size, 0, buffer.baseAddress, 0, nil)
            }
        }
        guard written != 0 else { throw ImageError.pngEncodingFailed(message: PNGReader.message(of: png)) }
        return Array(bytes.prefix(Int(size)))
    }

    private static func premultiply(_ samples: inout [UInt16], channels: Int) {
        for pixel in stride(from: 0, to: samples.count, by: channels) {
            let alpha = UInt32(samples[pixel + channels - 1])
            for c in pixel..<(pixel + channels - 1) {
                samples[c] = UInt16((UInt32(samples[c]) * alpha + 32767) / 65535)
            }
        }
    }

    /// The multi-index of flat offset `offset` in a row-major `shape`.
    private static func multiIndex(_ offset: Int, in shape: [Int]) -> [Int] {
        var rest = offset
        var index = [Int](repeating: 0, count: shape.count)
        for axis in shape.indices.reversed() {
            index[axis] = rest % shape[axis]
            rest /= shape[axis]
        }
        return index
    }
}
