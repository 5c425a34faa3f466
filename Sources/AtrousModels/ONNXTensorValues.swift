import Foundation
import ONNXProto

/// A constant tensor of an ONNX file as the reader keeps it: its shape, and its values when it
/// is small enough to be a parameter (pads, scales, sizes, axes, a shape) rather than weights.
struct ONNXConstant {
    /// The most values kept; anything larger is weights, whose values the analysis never needs.
    static let valueLimit = 64

    let dims: [Int]
    /// The values as Double (integers up to 2^53 exactly), nil for a large or unreadable tensor.
    let values: [Double]?

    /// The values as integers, nil when one is not whole; values beyond ±2^62 (ONNX's INT64_MAX
    /// for "to the end" in a slice) are held at ±2^62 rather than trapping.
    var integers: [Int]? {
        guard let values, values.allSatisfy({ $0.isFinite && $0 == $0.rounded() }) else { return nil }
        let limit = Double(1 << 62)
        return values.map { $0 >= limit ? 1 << 62 : $0 <= -limit ? -(1 << 62) : Int($0) }
    }

    init(dims: [Int], values: [Double]) {
        self.dims = dims
        self.values = values.count <= Self.valueLimit ? values : nil
    }

    init(_ tensor: Onnx_TensorProto) {
        dims = tensor.dims.map { Int($0) }
        let count = dims.reduce(1, *)
        // A tensor read without its raw data (weights) has a large count and no values.
        values = count <= Self.valueLimit ? Self.values(of: tensor) : nil
    }

    private static func values(of tensor: Onnx_TensorProto) -> [Double]? {
        // TensorProto.DataType: 1 float, 6 int32, 7 int64, 11 double.
        if tensor.hasRawData {
            let raw = tensor.rawData
            switch tensor.dataType {
            case 1: return decode(raw, as: UInt32.self) { Double(Float(bitPattern: $0)) }
            case 6: return decode(raw, as: UInt32.self) { Double(Int32(bitPattern: $0)) }
            case 7: return decode(raw, as: UInt64.self) { Double(Int64(bitPattern: $0)) }
            case 11: return decode(raw, as: UInt64.self) { Double(bitPattern: $0) }
            default: return nil
            }
        }
        switch tensor.dataType {
        case 1: return tensor.floatData.map(Double.init)
        case 6: return tensor.int32Data.map(Double.init)
        case 7: return tensor.int64Data.map(Double.init)
        case 11: return tensor.doubleData
        default: return nil
        }
    }

    /// Little-endian values of `T`'s width, as ONNX stores raw data.
    private static func decode<T: FixedWidthInteger>(_ raw: Data, as _: T.Type, _ convert: (T) -> Double) -> [Double] {
        let width = MemoryLayout<T>.size
        return stride(from: 0, to: raw.count - width + 1, by: width).map { offset in
            var value: T = 0
            withUnsafeMutableBytes(of: &value) { target in
                target.copyBytes(from: raw[(raw.startIndex + offset)..<(raw.startIndex + offset + width)])
            }
            return convert(T(littleEndian: value))
        }
    }
}
