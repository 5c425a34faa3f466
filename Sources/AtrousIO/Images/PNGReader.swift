import AtrousCore
import CPNG

/// Reads PNG images with the system's libpng (its simplified `png_image` API).
///
/// Every PNG colour type reads, at every bit depth: grayscale becomes 1 channel, grayscale
/// with alpha 2, RGB 3 and RGBA 4; palette images expand to RGB, or RGBA when they carry
/// transparency, and a `tRNS` colour key becomes an alpha channel. Values are the stored
/// samples, as NumPy-side tools (Pillow, imageio) give them: samples below 8 bits are widened to
/// 0...255, and the colour-space chunks (`gAMA`, `sRGB`, `iCCP`, `cHRM`) are set aside, since
/// atrous treats pixels as numbers rather than light and libpng would otherwise re-encode them.
/// libpng hands back 16-bit colour premultiplied by alpha; the reader divides alpha out again,
/// so 16-bit colour under partial transparency comes back within 65535/alpha steps of the
/// stored value, and as 0 under full transparency.
public enum PNGReader {
    /// Decodes a PNG file into an (H,W,C) tensor, C from 1 to 4.
    ///
    /// - Parameters:
    ///   - bytes: the whole file.
    ///   - path: the file's name, for messages.
    ///   - scale: ``ImageScale/unitInterval`` divides by 255 or 65535 by bit depth.
    /// - Throws: ``ImageError/invalidPNG(path:message:)`` with libpng's reason for anything it
    ///   refuses (a wrong signature, a bad checksum, truncated data), or a size error from
    ///   ``ImageLimits``.
    public static func decode(_ bytes: [UInt8], path: String,
                              scale: ImageScale = .unitInterval) throws(ImageError) -> Tensor<Double> {
        try ImageLimits.checkFileSize(bytes.count, path: path)
        // libpng reads from the memory until the image is finished, so the whole decode runs inside.
        return try PNGChunks.withoutColorSpace(bytes).withUnsafeBytes { memory in
            Result { () throws(ImageError) in
                try decode(memory: memory, path: path, scale: scale,
                           imageData: (PNGChunks.imageDataLength(bytes), PNGChunks.leastImageData(bytes)))
            }
        }.get()
    }

    /// - Parameter imageData: the bytes of compressed image data the file holds, and the fewest
    ///   its declared size needs (see ``PNGChunks/leastImageData(_:)``), checked before the
    ///   pixels' memory is set aside.
    private static func decode(memory: UnsafeRawBufferPointer, path: String, scale: ImageScale,
                               imageData: (found: Int, least: Int?)) throws(ImageError) -> Tensor<Double> {
        var image = png_image()
        image.version = png_uint_32(PNG_IMAGE_VERSION)
        defer { png_image_free(&image) }
        guard png_image_begin_read_from_memory(&image, memory.baseAddress, memory.count) != 0 else {
            throw ImageError.invalidPNG(path: path, message: message(of: image))
        }
        let (width, height) = (Int(image.width), Int(image.height))
        try ImageLimits.checkDimensions(width: width, height: height, path: path)
        if let least = imageData.least, imageData.found < least {
            throw ImageError.pngDataTooShort(path: path, width: width, height: height, bytes: imageData.found)
        }
        // Keep the file's own channels and depth; dropping the colour-map flag expands palettes.
        image.format &= png_uint_32(PNG_FORMAT_FLAG_ALPHA | PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_LINEAR)
        let hasAlpha = image.format & png_uint_32(PNG_FORMAT_FLAG_ALPHA) != 0
        let channels = Int(image.format & png_uint_32(PNG_FORMAT_FLAG_ALPHA | PNG_FORMAT_FLAG_COLOR)) + 1
        let count = width * height * channels
        if image.format & png_uint_32(PNG_FORMAT_FLAG_LINEAR) != 0 {
            var samples = [UInt16](repeating: 0, count: count)
            try finish(&image, into: &samples, path: path)
            if hasAlpha { unpremultiply(&samples, channels: channels) }
            return scale.tensor(samples, height: height, width: width, channels: channels, maxValue: 65535)
        } else {
            var samples = [UInt8](repeating: 0, count: count)
            try finish(&image, into: &samples, path: path)
            return scale.tensor(samples, height: height, width: width, channels: channels, maxValue: 255)
        }
    }

    private static func finish<Sample>(_ image: inout png_image, into samples: inout [Sample],
                                       path: String) throws(ImageError) {
        let ok = samples.withUnsafeMutableBytes { buffer in
            png_image_finish_read(&image, nil, buffer.baseAddress, 0, nil)
        }
        guard ok != 0 else { throw ImageError.invalidPNG(path: path, message: message(of: image)) }
    }

    /// Undoes the simplified API's association of 16-bit colour with alpha, rounding to nearest.
    private static func unpremultiply(_ samples: inout [UInt16], channels: Int) {
        for pixel in stride(from: 0, to: samples.count, by: channels) {
            let alpha = UInt32(samples[pixel + channels - 1])
            for c in pixel..<(pixel + channels - 1) {
                samples[c] = alpha == 0 ? 0 : UInt16(min(65535, (UInt32(samples[c]) * 65535 + alpha / 2) / alpha))
            }
        }
    }

    /// libpng's message for the last failure, from the fixed-size buffer in `png_image`.
    static func message(of image: png_image) -> String {
        withUnsafeBytes(of: image.message) { raw in
            let text = raw.prefix { $0 != 0 }
            return text.isEmpty ? "unknown error" : String(decoding: text, as: UTF8.self)
        }
    }
}
