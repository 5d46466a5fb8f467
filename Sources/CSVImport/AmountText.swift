/// Money as exports write it (`$1,234.50`, `1.234,50 EUR`, `CHF 1'234.50`), reduced to the plain
/// decimal text `DecimalAmount` converts exactly (`1234.50`).
///
/// A currency symbol or code before or after the number must agree with the row's currency (`$`
/// agrees with any dollar). Grouping separators (`,`, or `.` with a decimal comma, a space, a
/// no-break space, `'`) must separate groups of three digits, so that `1,5` is never read as 15.
enum AmountText {
    /// Plain decimal text of `text`, or the problem with it.
    static func plain(_ text: String, currency: String, decimalComma: Bool, field: String) throws(FieldProblem) -> String {
        var scalars = Substring(text).unicodeScalars[...]
        func trimSpaces() {
            while let first = scalars.first, isSpace(first) { scalars.removeFirst() }
            while let last = scalars.last, isSpace(last) { scalars.removeLast() }
        }
        func problem(_ why: String) -> FieldProblem {
            FieldProblem(field: field, reason: "'\(text)' \(why)")
        }
        trimSpaces()
        var negative = false
        if scalars.first == "-" {
            negative = true
            scalars.removeFirst()
        }
        // The currency marker: everything before the first digit, or after the last one.
        let prefix = String(String.UnicodeScalarView(scalars.prefix { !isDigit($0) && $0 != "-" && $0 != "." && $0 != "," }))
        scalars.removeFirst(prefix.unicodeScalars.count)
        let suffixCount = scalars.reversed().prefix { !isDigit($0) && $0 != "." && $0 != "," }.count
        let suffix = String(String.UnicodeScalarView(scalars.suffix(suffixCount)))
        scalars.removeLast(suffixCount)
        for marker in [prefix, suffix] {
            let name = marker.trimmingCharacters(in: isSpace)
            guard !name.isEmpty else { continue }
            guard agrees(name, with: currency) else {
                if (name.count == 3 && name.allSatisfy(\.isLetter)) || knownSymbol(name) {
                    throw problem("is written in \(name), but the row's currency is \(currency)")
                }
                throw problem("is not an amount: '\(name)' is no currency symbol or code of \(currency)")
            }
        }
        if !negative, scalars.first == "-" {
            negative = true
            scalars.removeFirst()
        }
        guard !prefix.isEmpty || !suffix.isEmpty || !scalars.isEmpty else { throw problem("is not an amount") }

        let decimal: Unicode.Scalar = decimalComma ? "," : "."
        let other: Unicode.Scalar = decimalComma ? "." : ","
        let number = String(String.UnicodeScalarView(scalars))
        let parts = number.unicodeScalars.split(separator: decimal, maxSplits: 1, omittingEmptySubsequences: false)
        let integer = parts[0]
        let fraction = parts.count > 1 ? parts[1] : nil
        if let fraction, fraction.contains(where: { !isDigit($0) }) {
            if fraction.contains(other) || fraction.contains(decimal) {
                throw problem(
                    decimalComma
                        ? "has a decimal point after its decimal comma; this file may not need --decimal-comma"
                        : "reads as a decimal comma ('\(other)' after '\(decimal)'); pass --decimal-comma for such files")
            }
            throw problem("is not an amount: unexpected characters after the decimal \(decimalComma ? "comma" : "point")")
        }
        // Groups: the first of 1 to 3 digits, each further of exactly 3 after one separator.
        var digits = ""
        var separator: Unicode.Scalar?
        var groups: [Int] = [0]
        for scalar in integer {
            if isDigit(scalar) {
                digits.unicodeScalars.append(scalar)
                groups[groups.count - 1] += 1
            } else if isGroupSeparator(scalar, decimalComma: decimalComma) && (separator == nil || separator == scalar) {
                separator = scalar
                groups.append(0)
            } else {
                throw problem("is not an amount: unexpected '\(scalar)'")
            }
        }
        if groups.count > 1 {
            guard (1...3).contains(groups[0]), groups.dropFirst().allSatisfy({ $0 == 3 }) else {
                if separator == other {
                    throw problem(
                        decimalComma
                            ? "has '\(other)' where thousands are grouped in threes"
                            : "has a '\(other)' that does not group thousands; if the file writes decimal commas, pass --decimal-comma")
                }
                throw problem("has a '\(separator!)' that does not group thousands in threes")
            }
        }
        var plain = (negative ? "-" : "") + digits
        if let fraction { plain += "." + String(String.UnicodeScalarView(fraction)) }
        return plain
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\u{00A0}" || scalar == "\u{202F}"
    }

    private static func isGroupSeparator(_ scalar: Unicode.Scalar, decimalComma: Bool) -> Bool {
        scalar == (decimalComma ? "." : ",") || scalar == "'" || scalar == "\u{2019}" || isSpace(scalar)
    }

    /// Whether `marker` (a code in any case, or a symbol) names `currency`.
    static func agrees(_ marker: String, with currency: String) -> Bool {
        if marker.uppercased() == currency { return true }
        return symbols[marker]?.contains(currency) ?? false
    }

    private static func knownSymbol(_ marker: String) -> Bool { symbols[marker] != nil }

    private static let dollars: Set = ["USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN", "TWD", "ARS", "CLP", "COP"]
    private static let symbols: [String: Set<String>] = [
        "$": dollars, "US$": ["USD"], "C$": ["CAD"], "CA$": ["CAD"], "A$": ["AUD"], "AU$": ["AUD"],
        "NZ$": ["NZD"], "HK$": ["HKD"], "S$": ["SGD"], "MX$": ["MXN"], "R$": ["BRL"],
        "€": ["EUR"], "£": ["GBP"], "¥": ["JPY", "CNY"], "￥": ["JPY", "CNY"], "₹": ["INR"], "₩": ["KRW"],
        "₽": ["RUB"], "₺": ["TRY"], "₪": ["ILS"], "zł": ["PLN"], "kr": ["SEK", "NOK", "DKK", "ISK"],
        "kr.": ["DKK", "ISK"], "Kč": ["CZK"], "Ft": ["HUF"], "Fr.": ["CHF"], "R": ["ZAR"],
    ]
}

extension String {
    fileprivate func trimmingCharacters(in predicate: (Unicode.Scalar) -> Bool) -> String {
        var scalars = unicodeScalars[...]
        while let first = scalars.first, predicate(first) { scalars.removeFirst() }
        while let last = scalars.last, predicate(last) { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
