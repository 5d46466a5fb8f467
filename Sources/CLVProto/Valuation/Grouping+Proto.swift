import CLVProtoC

extension Grouping {
    /// Reads protobuf-c's value; a number this version does not know reads as `unspecified`.
    init(c value: Clv__Valuation__V1__Grouping) {
        self = Grouping(rawValue: Int32(truncatingIfNeeded: value.rawValue)) ?? .unspecified
    }

    /// The value as protobuf-c lays it out.
    var cValue: Clv__Valuation__V1__Grouping {
        Clv__Valuation__V1__Grouping(rawValue: numericCast(rawValue))
    }
}
