import CLVProto

/// Hand-made protobuf encodings, for tests that send what no generated encoder would.
public enum WireEncoding {
    /// A length-delimited field: a string, bytes or a nested message.
    public static func field(_ number: UInt32, _ bytes: [UInt8]) -> [UInt8] {
        key(number, wireType: 2) + varint(UInt64(bytes.count)) + bytes
    }

    public static func key(_ number: UInt32, wireType: UInt8) -> [UInt8] {
        varint(UInt64(number) << 3 | UInt64(wireType))
    }

    public static func varint(_ value: UInt64) -> [UInt8] {
        var value = value
        var bytes: [UInt8] = []
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7f) | 0x80)
            value >>= 7
        }
        return bytes + [UInt8(value)]
    }

    /// One string field of a message type, found through the generated tables however deeply it
    /// is nested, and how to encode a message in which that field alone holds given bytes.
    public struct StringField: Sendable, CustomStringConvertible {
        /// As decoding errors name it: `orders[0].amount.currency`.
        public let path: String
        public let encode: @Sendable ([UInt8]) -> [UInt8]

        public var description: String { path }

        /// Every string field of `schema`, down to `maximumDepth` nested messages (a repeated
        /// field's first element stands for all of them).
        public static func all(in schema: ProtoSchema, maximumDepth: Int = 6) -> [StringField] {
            guard maximumDepth > 0 else { return [] }
            var fields: [StringField] = []
            for field in schema.fields {
                let name = field.name + (field.isRepeated ? "[0]" : "")
                let number = field.number
                switch field.kind {
                case .string:
                    fields.append(StringField(path: name) { WireEncoding.field(number, $0) })
                case .message:
                    guard let nested = field.messageSchema else { continue }
                    for inner in all(in: nested, maximumDepth: maximumDepth - 1) {
                        fields.append(StringField(path: name + "." + inner.path) { WireEncoding.field(number, inner.encode($0)) })
                    }
                default:
                    continue
                }
            }
            return fields
        }
    }

    /// Strings that must be refused, with the reason a decoding error gives.
    public static let hostileStrings: [(bytes: [UInt8], reason: String)] = [
        (Array("seed-c7".utf8) + [0] + Array("junk".utf8), "contains a NUL byte"),
        ([0x75, 0xff], "is not valid UTF-8"),
        ([0x61, 0xc3], "is not valid UTF-8"),  // a truncated two-byte sequence
        ([0xed, 0xa0, 0x80], "is not valid UTF-8"),  // an encoded surrogate
    ]
}
