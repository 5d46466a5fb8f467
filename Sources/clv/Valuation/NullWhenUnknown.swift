/// An optional figure that `--json` writes as `null` when unknown, rather than leaving the key out
/// (synthesized `Encodable` omits nil) or writing 0: a script reading it sees "unknown", never "free".
@propertyWrapper
struct NullWhenUnknown<Value: Encodable>: Encodable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}
