import AtrousCore
@testable import AtrousIO
import Testing

@Suite("Reading .npy files")
struct NumpyReaderTests {
    @Test("little- and big-endian float32 read alike", arguments: [false, true])
    func float32(bigEndian: Bool) throws {
        let values: [Float] = [1.5, -2.25, 0, .infinity, 3e-7, 65504]
        let descr = bigEndian ? ">f4" : "<f4"
        let bytes = CraftedNumpy.bytes(header: CraftedNumpy.header(descr, shape: "(2, 3)"),
                                       data: CraftedNumpy.data(values, bigEndian: bigEndian))
        let tensor = try NumpyReader.decode(bytes, path: "x.npy")
        #expect(tensor == .float(Tensor(shape: [2, 3], scalars: values)))
    }

    @Test("little-, big- and native-endian float64 read as Double", arguments: ["<f8", ">f8", "=f8"])
    func float64(descr: String) throws {
        let values: [Double] = [0.1, -1e300, 42]
        let bytes = CraftedNumpy.bytes(header: CraftedNumpy.header(descr, shape: "(3,)"),
                                       data: CraftedNumpy.data(values, bigEndian: descr == ">f8"))
        #expect(try NumpyReader.decode(bytes, path: "x.npy") == .double(Tensor(shape: [3], scalars: values)))
    }

    @Test("float16 widens exactly to Float, subnormals, infinities and NaN included",
          arguments: [("<", false), (">", true)])
    func float16(order: String, bigEndian: Bool) throws {
        // 1.0, -2.0, 65504 (largest), 2^-24 (smallest subnormal), -0, +inf, 0.333 (0x3555)
        let bits: [UInt16] = [0x3C00, 0xC000, 0x7BFF, 0x0001, 0x8000, 0x7C00, 0x3555, 0x7E00]
        let bytes = CraftedNumpy.bytes(header: CraftedNumpy.header("\(order)f2", shape: "(8,)"),
                                       data: CraftedNumpy.data(bits, bigEndian: bigEndian))
        guard case let .float(tensor) = try NumpyReader.decode(bytes, path: "x.npy") else {
            Issue.record("float16 should read as Float"); return
        }
        #expect(Array(tensor.scalars.prefix(7)) == [1, -2, 65504, 0x1p-24, -0.0, .infinity, 0.333251953125])
        #expect(tensor.scalars[4].sign == .minus)
        #expect(tensor.scalars[7].isNaN)
    }

    @Test("integers of every width read as Double")
    func integers() throws {
        let cases: [(String, [UInt8], [Double])] = [
            ("|i1", CraftedNumpy.data([Int8(-128), 127]), [-128, 127]),
            ("|u1", CraftedNumpy.data([UInt8(0), 255]), [0, 255]),
            ("<i2", CraftedNumpy.data([Int16(-300), 300]), [-300, 300]),
            (">u2", CraftedNumpy.data([UInt16(65535), 1], bigEndian: true), [65535, 1]),
            ("<i4", CraftedNumpy.data([Int32.min, 7]), [Double(Int32.min), 7]),
            (">i4", CraftedNumpy.data([Int32(-5), 1 << 20], bigEndian: true), [-5, 0x1p20]),
            ("<u4", CraftedNumpy.data([UInt32.max, 0]), [Double(UInt32.max), 0]),
            ("<i8", CraftedNumpy.data([Int64(-1) << 53, 9]), [-0x1p53, 9]),
            (">u8", CraftedNumpy.data([UInt64(1) << 60, 3], bigEndian: true), [0x1p60, 3]),
        ]
        for (descr, data, expected) in cases {
            let bytes = CraftedNumpy.bytes(header: CraftedNumpy.header(descr, shape: "(2,)"), data: data)
            #expect(try NumpyReader.decode(bytes, path: "x.npy") == .double(Tensor(shape: [2], scalars: expected)),
                    "dtype \(descr)")
        }
    }

    @Test("booleans read as 0 and 1")
    func booleans() throws {
        let bytes = CraftedNumpy.bytes(header: CraftedNumpy.header("|b1", shape: "(2, 2)"), data: [1, 0, 0, 1])
        #expect(try NumpyReader.decode(bytes, path: "x.npy") == .double(Tensor(shape: [2, 2], scalars: [1, 0, 0, 1])))
    }

    @Test("Fortran order is transposed to C order", arguments: [[2, 3], [2, 3, 4], [1, 4], [3, 1, 2, 2]])
    func fortranOrder(shape: [Int]) throws {
        // Element values encode their C-order multi-index, so any misplacement shows.
        let expected = Tensor<Double>(shape: shape) { index in index.reduce(0) { $0 * 10 + Double($1) } }
        var fortran: [Double] = []
        var index = Array(repeating: 0, count: shape.count)
        for _ in 0..<expected.count {
            fortran.append(expected.scalars[expected.offset(index)])
            for axis in 0..<shape.count {
                index[axis] += 1
                if index[axis] < shape[axis] { break }
                index[axis] = 0
            }
        }
        let shapeText = "(" + shape.map(String.init).joined(separator: ", ") + ")"
        let bytes = CraftedNumpy.bytes(header: CraftedNumpy.header("<f8", shape: shapeText, fortran: true),
                                       data: CraftedNumpy.data(fortran))
        #expect(try NumpyReader.decode(bytes, path: "x.npy") == .double(expected))
    }

    @Test("versions 2.0 and 3.0 carry a 4-byte header length", arguments: [UInt8(2), 3])
    func laterVersions(version: UInt8) throws {
        let bytes = CraftedNumpy.bytes(header: CraftedNumpy.header("<f4", shape: "(1,)"),
                                       data: CraftedNumpy.data([Float(7)]), version: version)
        #expect(try NumpyReader.decode(bytes, path: "x.npy") == .float(Tensor(shape: [1], scalars: [7])))
    }

    @Test("version 3.0 headers are UTF-8")
    func utf8Header() throws {
        let header = "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'note': 'café ☕'}"
        let bytes = CraftedNumpy.bytes(header: header, data: CraftedNumpy.data([Float(2)]), version: 3)
        #expect(try NumpyReader.decode(bytes, path: "x.npy") == .float(Tensor(shape: [1], scalars: [2])))
    }

    @Test("header dicts parse in any key order and spacing", arguments: [
        "{'shape': (2,), 'fortran_order': False, 'descr': '<f4'}",
        "{ 'descr' : '<f4' ,\n 'fortran_order' : False , 'shape' : ( 2 , ) , }",
        "{\"descr\": \"<f4\", \"fortran_order\": False, \"shape\": (2,)}",
        "{'descr': '<f4', 'fortran_order': False, 'shape': (2L,)}",
        "{'descr': '<f4', 'fortran_order': False, 'shape': [2]}",
    ])
    func headerVariants(header: String) throws {
        let bytes = CraftedNumpy.bytes(header: header, data: CraftedNumpy.data([Float(1), 2]))
        #expect(try NumpyReader.decode(bytes, path: "x.npy") == .float(Tensor(shape: [2], scalars: [1, 2])))
    }

    @Test("scalars and empty arrays read", arguments: [("()", [Int]()), ("(0,)", [0]), ("(3, 0, 2)", [3, 0, 2])])
    func degenerateShapes(shapeText: String, shape: [Int]) throws {
        let count = shape.reduce(1, *)
        let data = CraftedNumpy.data([Double](repeating: 5, count: count))
        let bytes = CraftedNumpy.bytes(header: CraftedNumpy.header("<f8", shape: shapeText), data: data)
        #expect(try NumpyReader.decode(bytes, path: "x.npy") == .double(Tensor(shape: shape, repeating: 5)))
    }
}
