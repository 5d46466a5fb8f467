import CLVProto
import Testing
import TestSupport

/// Every message of proto/ survives decoding and encoding with seeded random contents, extremes
/// included: numbers at their bounds, infinities, unknown enum numbers, multi-byte text, empty and
/// long strings, nested and repeated messages, maps. The contents are built as wire bytes from the
/// generated tables, so a message added to proto/ is covered without touching this test.
@Suite struct RoundTripTests {
    static let messages: [any ProtoMessage.Type] =
        FrameProto.messageTypes + HealthProto.messageTypes + IngestionProto.messageTypes + ValuationProto.messageTypes
        + SegmentationProto.messageTypes

    @Test(arguments: messages.map(Message.init))
    func randomContentsRoundTrip(_ message: Message) throws {
        var nonDefault = 0
        for seed in 1...300 {
            var encoder = RandomEncoding(seed: UInt64(seed) &* 0x9E37_79B9_7F4A_7C15)
            let bytes = encoder.message(message.type.protoSchema, depth: 0)
            if try message.roundTrips(bytes) { nonDefault += 1 }
        }
        // The contents are not all defaults, or the test would prove nothing.
        #expect(message.type.protoSchema.fields.isEmpty || nonDefault > 100)
    }

    @Test func everyMessageIsListed() {
        #expect(Self.messages.count == Set(Self.messages.map { $0.protoName }).count)
        #expect(Self.messages.count >= 49)  // proto/ had 49 when this was written
        #expect(Self.messages.contains { $0 == HealthCheckResponse.self })
    }

    /// A message type, named in the test's arguments.
    struct Message: CustomTestStringConvertible, Sendable {
        let type: any ProtoMessage.Type
        var testDescription: String { type.protoName }

        /// Decodes `bytes`, encodes and decodes again, and checks both agree; true when the
        /// decoded value is not the default one.
        func roundTrips(_ bytes: [UInt8]) throws -> Bool {
            try type.roundTrips(bytes)
        }
    }
}

extension ProtoMessage {
    fileprivate static func roundTrips(_ bytes: [UInt8]) throws -> Bool {
        let value = try Self(serializedBytes: bytes)
        let encoded = value.serializedBytes()
        let again = try Self(serializedBytes: encoded)
        #expect(again == value, "\(value)")
        #expect(again.serializedBytes() == encoded)
        return value != (try Self(serializedBytes: []))
    }
}

/// Random, valid encodings of a message type, from its schema and a seed.
struct RandomEncoding {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    private mutating func next() -> UInt64 {
        // SplitMix64.
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    private mutating func pick<T>(_ choices: [T]) -> T { choices[below(choices.count)] }

    mutating func message(_ schema: ProtoSchema, depth: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        for field in schema.fields {
            let count = field.isRepeated ? pick([0, 1, 1, 2, 3]) : (below(10) < 6 ? 1 : 0)
            for _ in 0..<count {
                guard let value = value(field, depth: depth) else { continue }
                bytes += value
            }
        }
        return bytes
    }

    /// One occurrence of the field, key included; nil for a message too deep to nest further.
    private mutating func value(_ field: ProtoSchema.Field, depth: Int) -> [UInt8]? {
        let number = field.number
        switch field.kind {
        case .int32, .enum:
            let value: Int32 = pick([0, 1, 2, -1, .max, .min, 99, Int32(truncatingIfNeeded: next())])
            return WireEncoding.key(number, wireType: 0) + WireEncoding.varint(UInt64(bitPattern: Int64(value)))
        case .int64:
            let value: Int64 = pick([0, 1, -1, .max, .min, 1_000_000_000_000_000, Int64(bitPattern: next())])
            return WireEncoding.key(number, wireType: 0) + WireEncoding.varint(UInt64(bitPattern: value))
        case .uint32:
            let value: UInt32 = pick([0, 1, .max, UInt32(truncatingIfNeeded: next())])
            return WireEncoding.key(number, wireType: 0) + WireEncoding.varint(UInt64(value))
        case .uint64:
            return WireEncoding.key(number, wireType: 0) + WireEncoding.varint(pick([0, 1, .max, next()]))
        case .sint32:
            let value: Int32 = pick([0, -1, .max, .min, Int32(truncatingIfNeeded: next())])
            return WireEncoding.key(number, wireType: 0) + WireEncoding.varint(UInt64(UInt32(bitPattern: (value << 1) ^ (value >> 31))))
        case .sint64:
            let value: Int64 = pick([0, -1, .max, .min, Int64(bitPattern: next())])
            return WireEncoding.key(number, wireType: 0) + WireEncoding.varint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
        case .bool:
            return WireEncoding.key(number, wireType: 0) + [pick([0, 1])]
        case .fixed32, .sfixed32:
            return WireEncoding.key(number, wireType: 5) + Self.littleEndian(UInt32(truncatingIfNeeded: pick([0, .max, next()])))
        case .fixed64, .sfixed64:
            return WireEncoding.key(number, wireType: 1) + Self.littleEndian(pick([0, .max, next()]))
        case .float:
            let value: Float = pick([0, 1.5, -2.25, .greatestFiniteMagnitude, .leastNonzeroMagnitude, .infinity, -.infinity])
            return WireEncoding.key(number, wireType: 5) + Self.littleEndian(value.bitPattern)
        case .double:
            let value: Double = pick([
                0, 0.1, -1e300, .greatestFiniteMagnitude, .leastNonzeroMagnitude, .infinity, -.infinity,
                Double(Int64(bitPattern: next()) >> 11) / 1e3,
            ])
            return WireEncoding.key(number, wireType: 1) + Self.littleEndian(value.bitPattern)
        case .string:
            let text = pick(["", "a", "Zürich", "東京", "🦊 fox", "seed-c7", String(repeating: "é", count: 700), "\(next())"])
            return WireEncoding.field(number, Array(text.utf8))
        case .bytes:
            let length = pick([0, 1, 5, 300])
            return WireEncoding.field(number, (0..<length).map { _ in UInt8(truncatingIfNeeded: next()) })
        case .message:
            guard depth < 4, let nested = field.messageSchema else { return nil }
            return WireEncoding.field(number, message(nested, depth: depth + 1))
        }
    }

    private static func littleEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.littleEndian) { Array($0) }
    }
}
