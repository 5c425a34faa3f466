import Foundation

/// The top-level fields of one protobuf message, found by their wire headers without decoding
/// them: how the ONNX reader skips the weights. A length-delimited field is a range of the
/// message's bytes; the bytes inside are not read, so a memory-mapped file's weight pages are
/// never touched.
struct ProtobufFields {
    struct Field {
        let number: Int
        /// The field's whole encoding, header included, so fields can be copied into a new message.
        let encoding: Range<Int>
        /// The payload of a length-delimited field, nil for any other wire type.
        let payload: Range<Int>?
    }

    let fields: [Field]

    /// Splits `data[range]` into fields.
    /// - Throws: ``ProtobufFieldsError`` when a header or a length runs past the end.
    init(_ data: Data, range: Range<Int>) throws {
        var fields: [Field] = []
        var offset = range.lowerBound
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            func varint() throws -> UInt64 {
                var value: UInt64 = 0
                var shift: UInt64 = 0
                while true {
                    guard offset < range.upperBound, shift < 64 else { throw ProtobufFieldsError.truncated }
                    let byte = raw[offset - data.startIndex]
                    offset += 1
                    value |= UInt64(byte & 0x7f) << shift
                    if byte & 0x80 == 0 { return value }
                    shift += 7
                }
            }
            while offset < range.upperBound {
                let start = offset
                let key = try varint()
                let number = Int(key >> 3)
                var payload: Range<Int>?
                switch key & 7 {
                case 0: _ = try varint()
                case 1: offset += 8
                case 2:
                    let length = try varint()
                    guard length <= UInt64(range.upperBound - offset) else { throw ProtobufFieldsError.truncated }
                    payload = offset..<(offset + Int(length))
                    offset += Int(length)
                case 5: offset += 4
                default: throw ProtobufFieldsError.badWireType(Int(key & 7))
                }
                guard offset <= range.upperBound, number > 0 else { throw ProtobufFieldsError.truncated }
                fields.append(Field(number: number, encoding: start..<offset, payload: payload))
            }
        }
        self.fields = fields
    }
}

enum ProtobufFieldsError: Error, CustomStringConvertible {
    case truncated
    case badWireType(Int)

    var description: String {
        switch self {
        case .truncated: "a field runs past the end of the file"
        case let .badWireType(type): "a field has the unknown wire type \(type)"
        }
    }
}
