/// Free attributes as a JSON object, keys sorted, for a `jsonb` column.
enum AttributesJSON {
    static func encode(_ attributes: [String: String]) -> String {
        guard !attributes.isEmpty else { return "{}" }
        var json = "{"
        for (position, key) in attributes.keys.sorted().enumerated() {
            if position > 0 { json += "," }
            appendString(key, to: &json)
            json += ":"
            appendString(attributes[key]!, to: &json)
        }
        return json + "}"
    }

    private static func appendString(_ value: String, to json: inout String) {
        json += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": json += "\\\""
            case "\\": json += "\\\\"
            case "\n": json += "\\n"
            case "\r": json += "\\r"
            case "\t": json += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                json += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: json.unicodeScalars.append(scalar)
            }
        }
        json += "\""
    }
}
