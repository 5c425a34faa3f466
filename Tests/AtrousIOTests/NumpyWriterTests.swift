import AtrousCore
@testable import AtrousIO
import AtrousTestSupport
import Foundation
import Testing

@Suite("Writing .npy files")
struct NumpyWriterTests {
    static let shapes: [[Int]] = [[], [5], [3, 4], [2, 3, 4], [2, 3, 4, 5], [0], [2, 0, 3]]

    /// A deterministic tensor whose values vary in sign, magnitude and fraction.
    static func sample<S: ConvolutionScalar>(_: S.Type, shape: [Int]) -> Tensor<S> {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        return Tensor(shape: shape) { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return S(Int64(bitPattern: state >> 11) % 2_000_001 - 1_000_000) / 997
        }
    }

    @Test("Float tensors round-trip exactly", arguments: shapes)
    func floatRoundTrip(shape: [Int]) throws {
        let tensor = Self.sample(Float.self, shape: shape)
        #expect(try NumpyReader.decode(NumpyWriter.encode(tensor), path: "x.npy") == .float(tensor))
    }

    @Test("Double tensors round-trip exactly", arguments: shapes)
    func doubleRoundTrip(shape: [Int]) throws {
        let tensor = Self.sample(Double.self, shape: shape)
        #expect(try NumpyReader.decode(NumpyWriter.encode(tensor), path: "x.npy") == .double(tensor))
    }

    @Test("the header is version 1.0, little-endian, C order, padded to 64 bytes with a newline")
    func headerLayout() throws {
        let bytes = NumpyWriter.encode(Tensor<Float>(shape: [2, 3], repeating: 1))
        #expect(Array(bytes.prefix(8)) == [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0])
        let length = Int(bytes[8]) | Int(bytes[9]) << 8
        #expect((10 + length) % 64 == 0)
        #expect(bytes.count == 10 + length + 6 * 4)
        let header = String(decoding: bytes[10..<(10 + length)], as: UTF8.self)
        #expect(header.hasPrefix("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }"))
        #expect(header.hasSuffix(" \n"))
        #expect(header.dropLast().allSatisfy { $0 != "\n" })
    }

    @Test("rank-1 shapes are written with Python's trailing comma, scalars as ()")
    func shapeSpelling() {
        func header(_ shape: [Int]) -> String {
            String(decoding: NumpyWriter.encode(Tensor<Double>(shape: shape, repeating: 0)).prefix(64), as: UTF8.self)
        }
        #expect(header([7]).contains("'descr': '<f8'"))
        #expect(header([7]).contains("'shape': (7,)"))
        #expect(header([]).contains("'shape': ()"))
    }

    @Test("a header too long for version 1.0 is written as version 2.0")
    func version2() throws {
        let tensor = Tensor<Float>(shape: Array(repeating: 1, count: 25_000), repeating: 3)
        let bytes = NumpyWriter.encode(tensor)
        #expect(bytes[6] == 2)
        let length = bytes[8..<12].reversed().reduce(0) { $0 << 8 | Int($1) }
        #expect((12 + length) % 64 == 0)
        #expect(try NumpyReader.decode(bytes, path: "x.npy") == .float(tensor))
    }

    @Test("NumPy loads what the writer writes", .enabled(if: Python.hasNumpy))
    func numpyLoads() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let floats = Self.sample(Float.self, shape: [2, 3, 4])
        let doubles = Self.sample(Double.self, shape: [3, 5])
        try directory.write(NumpyWriter.encode(floats), to: "f.npy")
        try directory.write(NumpyWriter.encode(doubles), to: "d.npy")
        let result = try Python.run("""
            import sys, numpy as np
            for name in sys.argv[1:]:
                a = np.load(name)
                print(a.dtype, a.shape, a.flags['C_CONTIGUOUS'], repr(a.ravel().tolist()))
            """, arguments: [directory.path("f.npy"), directory.path("d.npy")])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.output.split(separator: "\n")
        try #require(lines.count == 2)
        #expect(lines[0].hasPrefix("float32 (2, 3, 4) True ["))
        #expect(lines[1].hasPrefix("float64 (3, 5) True ["))
        // Python prints the shortest repr of each value, as Swift does for Double.
        #expect(lines[1].hasSuffix(doubles.scalars.map { "\($0)" }.joined(separator: ", ") + "]"))
        let pythonFloats = lines[0].split(separator: "[")[1].dropLast().split(separator: ", ").compactMap { Double($0) }
        #expect(pythonFloats.map(Float.init) == floats.scalars)
    }

    @Test("files NumPy writes read back: byte orders, Fortran order, integers, versions", .enabled(if: Python.hasNumpy))
    func numpyWrites() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let result = try Python.run("""
            import sys, numpy as np
            d = sys.argv[1]
            a = np.arange(24, dtype=np.float64).reshape(2, 3, 4) / 8 - 1
            np.save(d + '/be.npy', a.astype('>f8'))
            np.save(d + '/fortran.npy', np.asfortranarray(a.astype('<f4')))
            np.save(d + '/int16.npy', (a * 8).astype('>i2'))
            np.save(d + '/bool.npy', a > 0)
            np.save(d + '/half.npy', a.astype('<f2'))
            with open(d + '/v2.npy', 'wb') as f:
                np.lib.format.write_array(f, a, version=(2, 0))
            with open(d + '/v3.npy', 'wb') as f:
                np.lib.format.write_array(f, a.astype('<f4'), version=(3, 0))
            """, arguments: [directory.url.path])
        try #require(result.status == 0, "\(result.standardError)")
        let a = Tensor<Double>(shape: [2, 3, 4]) { i in Double((i[0] * 3 + i[1]) * 4 + i[2]) / 8 - 1 }
        #expect(try ArrayFile.read(path: directory.path("be.npy")) == .double(a))
        #expect(try ArrayFile.read(path: directory.path("fortran.npy")) == .float(a.converted(to: Float.self)))
        #expect(try ArrayFile.read(path: directory.path("int16.npy")) == .double(Tensor(shape: a.shape, scalars: a.scalars.map { $0 * 8 })))
        #expect(try ArrayFile.read(path: directory.path("bool.npy")) == .double(Tensor(shape: a.shape, scalars: a.scalars.map { $0 > 0 ? 1 : 0 })))
        #expect(try ArrayFile.read(path: directory.path("half.npy")) == .float(a.converted(to: Float.self)))
        #expect(try ArrayFile.read(path: directory.path("v2.npy")) == .double(a))
        #expect(try ArrayFile.read(path: directory.path("v3.npy")) == .float(a.converted(to: Float.self)))
    }
}
