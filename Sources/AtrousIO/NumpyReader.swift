import AtrousCore

/// Decodes the bytes of a `.npy` file into a tensor in C order.
///
/// `float16` and `float32` read as `Float`; `float64`, every integer type and `bool` read as
/// `Double` (64-bit integers beyond 2^53 round to the nearest `Double`). Any byte order is
/// accepted, and Fortran-ordered data is transposed to C order.
public enum NumpyReader {
    /// The largest data section read: 2 GiB, a 16384x16384 `float64` array.
    public static let maxDataBytes = 2 << 30
    /// The largest header read; NumPy writes a few hundred bytes.
    public static let maxHeaderBytes = 1 << 20
    /// How many unexpected bytes after the data of a stream are counted before giving up.
    static let trailingCountLimit = 1 << 20

    /// The tensor in the `.npy` file at `path`, or on standard input for `-`.
    ///
    /// The header is read first and fixes how many bytes are read after it, so a stream
    /// without end, or a file whose size disagrees with its header, is never read whole.
    /// - Throws: ``IOError`` naming the file: unreadable, not a regular file or standard
    ///   input, malformed, or holding more or less data than its header declares.
    public static func read(path: String) throws(IOError) -> AnyTensor {
        let file = try ReadableFile(path: path)
        let name = file.name
        var bytes = try file.read(upTo: NumpyHeader.prefixLength)
        if let length = NumpyHeader.declaredLength(prefix: bytes) {
            guard length <= maxHeaderBytes else {
                throw .malformedHeader(path: name, detail: "it declares \(length) bytes, more than the "
                    + "\(ByteCount.text(maxHeaderBytes)) atrous reads")
            }
            bytes += try file.read(upTo: NumpyHeader.prefixLength(prefix: bytes) + length - bytes.count)
        }
        let header = try NumpyHeader(bytes: bytes, path: name)
        bytes.removeFirst(header.dataOffset)
        let (count, needed) = try dataSize(header, path: name)
        if let size = file.size {
            try checkDataSize(needed: needed, found: size - header.dataOffset, header: header, path: name)
        }
        let result: AnyTensor
        if bytes.count <= needed, let native = try nativeTensor(file, start: bytes, count: count, needed: needed,
                                                                 header: header) {
            result = native
        } else {
            bytes += try file.read(upTo: needed - bytes.count)
            try checkDataSize(needed: needed, found: bytes.count, header: header, path: name)
            result = bytes.withUnsafeBytes { tensor(data: $0, count: count, header: header) }
        }
        if file.size == nil {
            let (extra, more) = try file.countRemaining(limit: trailingCountLimit)
            if extra > 0 { throw .trailingData(path: name, extra: extra, atLeast: more) }
        }
        return result
    }

    /// The tensor read straight into its own storage, when the file stores `float32` or
    /// `float64` in this machine's byte order and C order: one copy of the data in memory, no
    /// conversion. Nil for any other layout.
    /// - Parameter start: the data bytes already read with the header.
    private static func nativeTensor(_ file: ReadableFile, start: [UInt8], count: Int, needed: Int,
                                     header: NumpyHeader) throws(IOError) -> AnyTensor? {
        let dtype = header.dtype
        guard !header.isFortranOrder, dtype.kind == .float, dtype.isBigEndian == (1.bigEndian == 1) else { return nil }
        switch dtype.size {
        case 4: return .float(try nativeTensor(Float.self, file, start: start, count: count, needed: needed, header: header))
        case 8: return .double(try nativeTensor(Double.self, file, start: start, count: count, needed: needed, header: header))
        default: return nil
        }
    }

    private static func nativeTensor<S: ConvolutionScalar>(_: S.Type, _ file: ReadableFile, start: [UInt8], count: Int,
                                                          needed: Int, header: NumpyHeader) throws(IOError) -> Tensor<S> {
        var failure: IOError?
        var filled = 0
        let scalars = [S](unsafeUninitializedCapacity: count) { buffer, initialized in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            start.withUnsafeBytes { bytes in
                if let from = bytes.baseAddress, let to = raw.baseAddress { to.copyMemory(from: from, byteCount: bytes.count) }
            }
            do throws(IOError) {
                filled = try start.count + file.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[start.count...]))
            } catch {
                failure = error
            }
            // Floats have no invalid bit patterns; a short read is refused below.
            initialized = count
        }
        if let failure { throw failure }
        try checkDataSize(needed: needed, found: filled, header: header, path: file.name)
        return Tensor(shape: header.shape, scalars: scalars)
    }

    /// The tensor held in `bytes`, the whole of a `.npy` file.
    /// - Parameter path: the file name, for messages only.
    /// - Throws: ``IOError`` for a malformed header, an unsupported dtype, an impossible shape,
    ///   or data shorter or longer than the shape needs. Sizes are checked before any allocation.
    public static func decode(_ bytes: [UInt8], path: String) throws(IOError) -> AnyTensor {
        let header = try NumpyHeader(bytes: bytes, path: path)
        let (count, needed) = try dataSize(header, path: path)
        try checkDataSize(needed: needed, found: bytes.count - header.dataOffset, header: header, path: path)
        return bytes.withUnsafeBytes { buffer in
            tensor(data: UnsafeRawBufferPointer(rebasing: buffer[header.dataOffset...]), count: count, header: header)
        }
    }

    /// The element count and data size the header declares.
    /// - Throws: ``IOError/impossibleShape(path:shape:)`` when they overflow or pass ``maxDataBytes``.
    private static func dataSize(_ header: NumpyHeader, path: String) throws(IOError) -> (count: Int, bytes: Int) {
        guard let count = elementCount(header.shape),
              case let (needed, overflow) = count.multipliedReportingOverflow(by: header.dtype.size), !overflow
        else { throw .impossibleShape(path: path, shape: shapeText(header.shape)) }
        guard needed <= maxDataBytes else {
            throw .arrayTooLarge(path: path, shape: header.shape, dtype: header.dtype.name, bytes: needed,
                                 limit: maxDataBytes)
        }
        return (count, needed)
    }

    /// - Throws: ``IOError`` when `found` bytes of data are fewer or more than `needed`.
    private static func checkDataSize(needed: Int, found: Int, header: NumpyHeader, path: String) throws(IOError) {
        if needed > found {
            throw .truncatedData(path: path, shape: header.shape, dtype: header.dtype.name, needed: needed,
                                 found: found)
        }
        if needed < found { throw .trailingData(path: path, extra: found - needed) }
    }

    /// The tensor of `count` elements stored in `data` as the header describes them.
    private static func tensor(data: UnsafeRawBufferPointer, count: Int, header: NumpyHeader) -> AnyTensor {
        if header.dtype.readsAsFloat {
            return .float(tensor(floats(data, count: count, dtype: header.dtype), header: header))
        }
        return .double(tensor(doubles(data, count: count, dtype: header.dtype), header: header))
    }

    /// The elements as a tensor in C order.
    private static func tensor<S: ConvolutionScalar>(_ scalars: [S], header: NumpyHeader) -> Tensor<S> {
        let ordered = header.isFortranOrder ? cOrder(fromFortran: scalars, shape: header.shape) : scalars
        return Tensor(shape: header.shape, scalars: ordered)
    }

    /// The product of the extents, or nil when it overflows. The product of the non-zero
    /// extents must fit too, since the tensor type multiplies every extent.
    static func elementCount(_ shape: [Int]) -> Int? {
        var product = 1
        for extent in shape where extent != 0 {
            let (next, overflow) = product.multipliedReportingOverflow(by: extent)
            if overflow { return nil }
            product = next
        }
        return shape.contains(0) ? 0 : product
    }

    // MARK: - Elements

    private static func floats(_ data: UnsafeRawBufferPointer, count: Int, dtype: NumpyDType) -> [Float] {
        if dtype.size == 2 {
            return integers(UInt16.self, data, count: count, bigEndian: dtype.isBigEndian).map(float(fromHalf:))
        }
        return integers(UInt32.self, data, count: count, bigEndian: dtype.isBigEndian).map(Float.init(bitPattern:))
    }

    private static func doubles(_ data: UnsafeRawBufferPointer, count: Int, dtype: NumpyDType) -> [Double] {
        let big = dtype.isBigEndian
        switch (dtype.kind, dtype.size) {
        case (.float, _): return integers(UInt64.self, data, count: count, bigEndian: big).map(Double.init(bitPattern:))
        case (.boolean, _): return integers(UInt8.self, data, count: count, bigEndian: big).map { $0 == 0 ? 0 : 1 }
        case (.signed, 1): return integers(Int8.self, data, count: count, bigEndian: big).map { Double($0) }
        case (.signed, 2): return integers(Int16.self, data, count: count, bigEndian: big).map { Double($0) }
        case (.signed, 4): return integers(Int32.self, data, count: count, bigEndian: big).map { Double($0) }
        case (.signed, _): return integers(Int64.self, data, count: count, bigEndian: big).map { Double($0) }
        case (.unsigned, 1): return integers(UInt8.self, data, count: count, bigEndian: big).map { Double($0) }
        case (.unsigned, 2): return integers(UInt16.self, data, count: count, bigEndian: big).map { Double($0) }
        case (.unsigned, 4): return integers(UInt32.self, data, count: count, bigEndian: big).map { Double($0) }
        case (.unsigned, _): return integers(UInt64.self, data, count: count, bigEndian: big).map { Double($0) }
        }
    }

    /// `count` integers of type `T` stored one after another, in the host's byte order.
    private static func integers<T: FixedWidthInteger>(_: T.Type, _ data: UnsafeRawBufferPointer, count: Int,
                                                       bigEndian: Bool) -> [T] {
        let size = MemoryLayout<T>.size
        return [T](unsafeUninitializedCapacity: count) { out, initialized in
            for i in 0..<count {
                let stored = data.loadUnaligned(fromByteOffset: i * size, as: T.self)
                out[i] = bigEndian ? T(bigEndian: stored) : T(littleEndian: stored)
            }
            initialized = count
        }
    }

    /// An IEEE half-precision value widened to `Float`, exactly; written out because `Float16`
    /// is missing on some platforms.
    static func float(fromHalf bits: UInt16) -> Float {
        let sign = UInt32(bits & 0x8000) << 16
        let exponent = UInt32(bits >> 10 & 0x1F)
        let mantissa = UInt32(bits & 0x3FF)
        switch exponent {
        case 0:
            let magnitude = Float(mantissa) * 0x1p-24
            return sign == 0 ? magnitude : -magnitude
        case 0x1F:
            return Float(bitPattern: sign | 0x7F80_0000 | mantissa << 13)
        default:
            return Float(bitPattern: sign | (exponent + 112) << 23 | mantissa << 13)
        }
    }

    // MARK: - Order

    /// Column-major elements rearranged into row-major order.
    static func cOrder<T>(fromFortran fortran: [T], shape: [Int]) -> [T] {
        guard shape.count > 1, !fortran.isEmpty else { return fortran }
        var cStrides = Array(repeating: 1, count: shape.count)
        for axis in stride(from: shape.count - 2, through: 0, by: -1) {
            cStrides[axis] = cStrides[axis + 1] * shape[axis + 1]
        }
        var result = fortran
        var index = Array(repeating: 0, count: shape.count)
        var offset = 0
        // Walk the file's order, first axis fastest, keeping the C offset in step.
        for value in fortran {
            result[offset] = value
            for axis in 0..<shape.count {
                index[axis] += 1
                offset += cStrides[axis]
                if index[axis] < shape[axis] { break }
                offset -= cStrides[axis] * shape[axis]
                index[axis] = 0
            }
        }
        return result
    }
}
