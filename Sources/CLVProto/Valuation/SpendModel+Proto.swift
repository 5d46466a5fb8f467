import CLVProtoC

extension SpendModel {
    /// Reads protobuf-c's value; a number this version does not know reads as `unspecified`.
    init(c value: Clv__Valuation__V1__SpendModel) {
        self = SpendModel(rawValue: Int32(truncatingIfNeeded: value.rawValue)) ?? .unspecified
    }

    /// The value as protobuf-c lays it out.
    var cValue: Clv__Valuation__V1__SpendModel {
        Clv__Valuation__V1__SpendModel(rawValue: numericCast(rawValue))
    }
}
