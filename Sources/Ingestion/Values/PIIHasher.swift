import Crypto

/// Keyed hashes of personal data (e-mail, phone), so the store never holds them in clear.
///
/// Each value is normalised, prefixed with its kind ("email:" / "phone:", so an e-mail and a
/// phone with the same text never share a hash) and hashed with HMAC-SHA-256 under the secret
/// key. Without the key the hashes cannot be reversed by trying likely addresses; with it, equal
/// addresses give equal hashes across replicas, so customers can be matched on them.
public struct PIIHasher: Sendable {
    /// The shortest key accepted, in bytes: the output size of SHA-256.
    public static let minimumKeyLength = 32

    // Kept as plain bytes: swift-crypto's `SymmetricKey` is not `Sendable`, and building one per
    // call costs a small copy next to the HMAC itself.
    private let key: [UInt8]

    /// Hex HMAC of a fixed text: equal on two replicas exactly when their keys are equal, without
    /// revealing the key. Lets the service detect replicas configured with different keys.
    public let keyFingerprint: String

    /// A hasher with the secret `key`, at least ``minimumKeyLength`` bytes.
    public init(key: [UInt8]) {
        precondition(key.count >= Self.minimumKeyLength, "a PII key needs at least \(Self.minimumKeyLength) bytes")
        self.key = key
        self.keyFingerprint = Self.hexHMAC(of: Array("clv-pii-key-fingerprint".utf8), key: key)
    }

    /// The lower-case hex HMAC-SHA-256 of the normalised e-mail, or nil when nothing is left of it.
    public func hashEmail(_ email: String) -> String? {
        hash(Self.normalisedEmail(email), domain: "email:")
    }

    /// The lower-case hex HMAC-SHA-256 of the normalised phone number, or nil when nothing is
    /// left of it.
    public func hashPhone(_ phone: String) -> String? {
        hash(Self.normalisedPhone(phone), domain: "phone:")
    }

    // MARK: Normalisation and validation

    /// The e-mail as hashed: surrounding white space removed, the whole address lower-cased.
    ///
    /// The local part is case-sensitive by the letter of RFC 5321, but no mail provider treats it
    /// so, and shops export the same customer in different cases.
    public static func normalisedEmail(_ email: String) -> String {
        trimmed(email).lowercased()
    }

    /// The phone number as hashed: a leading "+" and the ASCII digits, nothing else
    /// ("+44 (20) 7946-0018" becomes "+442079460018").
    public static func normalisedPhone(_ phone: String) -> String {
        let text = trimmed(phone)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for (index, byte) in text.utf8.enumerated() {
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                bytes.append(byte)
            } else if index == 0, byte == UInt8(ascii: "+") {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Why the e-mail is not acceptable, or nil when it is: it needs exactly one "@" with text on
    /// both sides. The sentence never repeats the address.
    public static func emailProblem(_ email: String) -> String? {
        let normalised = normalisedEmail(email)
        if normalised.isEmpty { return "e-mail is empty" }
        let parts = normalised.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            return parts.count == 1 ? "e-mail has no '@'" : "e-mail has more than one '@'"
        }
        if parts[0].isEmpty { return "e-mail has nothing before the '@'" }
        if parts[1].isEmpty { return "e-mail has no domain after the '@'" }
        return nil
    }

    /// Why the phone number is not acceptable, or nil when it is: it needs 5 to 15 digits (the
    /// E.164 maximum) and no letters. The sentence never repeats the number.
    public static func phoneProblem(_ phone: String) -> String? {
        // A letter means an extension or a note ("ext. 12", "call after 6"), whose digits
        // would silently join the number.
        if phone.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) {
            return "phone contains letters; send only the number"
        }
        let digits = normalisedPhone(phone).utf8.count(where: { $0 != UInt8(ascii: "+") })
        if digits < 5 { return "phone has \(digits) digits; at least 5 are needed" }
        if digits > 15 { return "phone has \(digits) digits; at most 15 are allowed" }
        return nil
    }

    // MARK: Hashing

    private func hash(_ normalised: String, domain: String) -> String? {
        guard !normalised.isEmpty else { return nil }
        var message = Array(domain.utf8)
        message.append(contentsOf: normalised.utf8)
        return Self.hexHMAC(of: message, key: key)
    }

    private static func hexHMAC(of message: [UInt8], key: [UInt8]) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key))
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in code {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
