import CLVProtoC

extension ProtoTimeUnit {
    /// Reads protobuf-c's value; a number this version does not know reads as `unspecified`.
    init(c value: Clv__Valuation__V1__TimeUnit) {
        self = ProtoTimeUnit(rawValue: Int32(truncatingIfNeeded: value.rawValue)) ?? .unspecified
    }

    /// The value as protobuf-c lays it out.
    var cValue: Clv__Valuation__V1__TimeUnit {
        Clv__Valuation__V1__TimeUnit(rawValue: numericCast(rawValue))
    }
}
