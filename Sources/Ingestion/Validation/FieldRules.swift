import CLVProto

/// Checks shared by every kind of record. Each returns the problem, or nil when the value is fine.
enum FieldRules {
    static func identifier(_ value: String, field: String) -> RecordProblem? {
        if value.isEmpty { return .invalid(field, "\(field) is empty") }
        if value.count > IngestionLimits.maximumIDLength {
            return .invalid(field, "\(field) is longer than \(IngestionLimits.maximumIDLength) characters")
        }
        if value.first!.isWhitespace || value.last!.isWhitespace {
            return .invalid(field, "\(field) has leading or trailing white space")
        }
        if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return .invalid(field, "\(field) contains a control character")
        }
        return nil
    }

    static func label(_ value: String, field: String, maximum: Int = IngestionLimits.maximumLabelLength) -> RecordProblem? {
        if value.count > maximum {
            return .invalid(field, "\(field) is longer than \(maximum) characters")
        }
        return nil
    }

    /// A currency code the service knows, with its minor-unit digits.
    static func currency(_ code: String, field: String) -> Result<Int, RecordProblem> {
        if code.isEmpty { return .failure(.invalid(field, "\(field) is empty")) }
        if let digits = CurrencyCatalog.minorUnitDigits(of: code) { return .success(digits) }
        if CurrencyCatalog.minorUnitDigits(of: code.uppercased()) != nil {
            return .failure(.invalid(field, "currency code '\(code)' must be upper case"))
        }
        return .failure(.invalid(field, "unknown currency code '\(code)' (expected an ISO 4217 code such as EUR)"))
    }

    /// Minor units within `minimum...IngestionLimits.maximumMinorUnits`.
    static func minorUnits(_ value: Int64, field: String, minimum: Int64, what: String) -> RecordProblem? {
        if value < 0 && minimum == 0 { return .invalid(field, "\(what) is negative (\(value))") }
        if value > IngestionLimits.maximumMinorUnits {
            return .invalid(field, "\(what) is \(value) minor units; at most 10^15 (\(IngestionLimits.maximumMinorUnits)) are accepted")
        }
        if value < minimum {
            return .invalid(field, "\(what) is \(value) minor units; at least -10^15 (\(minimum)) is accepted")
        }
        return nil
    }

    /// An instant after 1970 and not in the far future.
    static func instant(_ milliseconds: Int64, field: String, now: Int64) -> RecordProblem? {
        if milliseconds <= 0 {
            return .invalid(field, "\(field) is missing or before 1970-01-01")
        }
        if milliseconds > now + IngestionLimits.futureToleranceMilliseconds {
            let day = CalendarDay(unixMilliseconds: milliseconds).text
            return .invalid(field, "\(field) is in the far future (\(day))")
        }
        return nil
    }

    static func attributes(_ attributes: [String: String], field: String = "attributes") -> RecordProblem? {
        if attributes.count > IngestionLimits.maximumAttributes {
            return .invalid(field, "more than \(IngestionLimits.maximumAttributes) attributes")
        }
        for (key, value) in attributes {
            if key.isEmpty || key.count > IngestionLimits.maximumAttributeKeyLength {
                return .invalid(field, "attribute key must be 1 to \(IngestionLimits.maximumAttributeKeyLength) characters")
            }
            if value.count > IngestionLimits.maximumAttributeValueLength {
                return .invalid("\(field).\(key)", "attribute value is longer than \(IngestionLimits.maximumAttributeValueLength) characters")
            }
        }
        return nil
    }
}
