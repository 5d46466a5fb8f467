import Ingestion
import Testing

@Suite("PIIHasher")
struct PIIHasherTests {
    /// Bytes 0x00, 0x01, …, 0x1f.
    private let key: [UInt8] = Array(0..<32)

    @Test func knownVectors() {
        let hasher = PIIHasher(key: key)
        // Computed independently with Python:
        //   import hmac, hashlib
        //   hmac.new(bytes(range(32)), b"email:ann@example.com", hashlib.sha256).hexdigest()
        #expect(hasher.hashEmail("ann@example.com") == "e7daf7bee89bb0edc215c52e66f322f44c6a4aaa60cf37c1dece6def8f7a77ef")
        //   hmac.new(bytes(range(32)), b"phone:+442079460018", hashlib.sha256).hexdigest()
        #expect(hasher.hashPhone("+44 (20) 7946-0018") == "fdf486cf861973e9e5e96f7fd24956906f76aa0c11dcbaf1a2c596ebc175e342")
        //   hmac.new(bytes(range(32)), b"clv-pii-key-fingerprint", hashlib.sha256).hexdigest()
        #expect(hasher.keyFingerprint == "20d548835f58a606240b1bebad9c6958f4749c18d38aa7e193e2478d756106b2")
    }

    @Test func normalisationMakesSpellingsOfOneAddressEqual() {
        let hasher = PIIHasher(key: key)
        let expected = hasher.hashEmail("ann@example.com")
        #expect(hasher.hashEmail("  Ann@Example.COM ") == expected)
        #expect(hasher.hashEmail("\tANN@EXAMPLE.COM\n") == expected)
        #expect(hasher.hashEmail("ann@example.org") != expected)
        #expect(hasher.hashEmail("ann+shop@example.com") != expected)  // sub-addresses are kept

        let phone = hasher.hashPhone("+442079460018")
        for spelling in ["+44 20 7946 0018", "+44-20-7946-0018", "+44.20.7946.0018", " +44 (20) 7946 0018 ", "+44 [20] 7946/0018"] {
            #expect(hasher.hashPhone(spelling) == phone, "\(spelling)")
        }
        #expect(hasher.hashPhone("442079460018") != phone)  // the leading + is part of the number
        #expect(hasher.hashPhone("0044 20 7946 0018") != phone)
    }

    @Test func emailAndPhoneOfTheSameTextDiffer() {
        let hasher = PIIHasher(key: key)
        #expect(PIIHasher.normalisedEmail("12345") == PIIHasher.normalisedPhone("12345"))
        #expect(hasher.hashEmail("12345") != nil)
        #expect(hasher.hashEmail("12345") != hasher.hashPhone("12345"))
    }

    @Test func differentKeysGiveDifferentHashes() {
        let first = PIIHasher(key: key)
        let second = PIIHasher(key: Array(1...32))
        #expect(first.hashEmail("ann@example.com") != second.hashEmail("ann@example.com"))
        #expect(first.hashPhone("+4915112345678") != second.hashPhone("+4915112345678"))
        #expect(first.keyFingerprint != second.keyFingerprint)
        #expect(PIIHasher(key: key).keyFingerprint == first.keyFingerprint)
        #expect(PIIHasher(key: Array(repeating: 7, count: 64)).hashEmail("a@b") != nil)  // longer keys work
    }

    @Test func emptyInputHasNoHash() {
        let hasher = PIIHasher(key: key)
        #expect(hasher.hashEmail("") == nil)
        #expect(hasher.hashEmail("   \n") == nil)
        #expect(hasher.hashPhone("") == nil)
        #expect(hasher.hashPhone(" - ( ) ") == nil)
    }

    @Test func hashesAreLowerCaseHex() throws {
        let hash = try #require(PIIHasher(key: key).hashEmail("x@y.z"))
        #expect(hash.utf8.count == 64)
        #expect(hash.allSatisfy { "0123456789abcdef".contains($0) })
    }

    @Test func normalisedForms() {
        #expect(PIIHasher.normalisedEmail("  Ann.Lee@Example.COM \n") == "ann.lee@example.com")
        #expect(PIIHasher.normalisedEmail("ÄNN@BÜRO.DE") == "änn@büro.de")
        #expect(PIIHasher.normalisedPhone(" +1 (555) 010-9999 ") == "+15550109999")
        #expect(PIIHasher.normalisedPhone("030/123.456-78") == "03012345678")
        #expect(PIIHasher.normalisedPhone("1+2") == "12")  // only a leading + counts
        #expect(PIIHasher.normalisedPhone("++49") == "+49")
    }

    @Test func emailProblems() {
        #expect(PIIHasher.emailProblem("ann@example.com") == nil)
        #expect(PIIHasher.emailProblem("  Ann@Example.COM ") == nil)
        #expect(PIIHasher.emailProblem("") == "e-mail is empty")
        #expect(PIIHasher.emailProblem("   ") == "e-mail is empty")
        #expect(PIIHasher.emailProblem("ann.example.com") == "e-mail has no '@'")
        #expect(PIIHasher.emailProblem("ann@@example.com") == "e-mail has more than one '@'")
        #expect(PIIHasher.emailProblem("a@b@c") == "e-mail has more than one '@'")
        #expect(PIIHasher.emailProblem("@example.com") == "e-mail has nothing before the '@'")
        #expect(PIIHasher.emailProblem("ann@") == "e-mail has no domain after the '@'")
        #expect(PIIHasher.emailProblem("secret.person@")?.contains("secret") == false)  // never echoes the address
    }

    @Test func phoneProblems() {
        #expect(PIIHasher.phoneProblem("+44 20 7946 0018") == nil)
        #expect(PIIHasher.phoneProblem("12345") == nil)  // 5 digits
        #expect(PIIHasher.phoneProblem("123456789012345") == nil)  // 15 digits, the E.164 maximum
        #expect(PIIHasher.phoneProblem("1234") == "phone has 4 digits; at least 5 are needed")
        #expect(PIIHasher.phoneProblem("+") == "phone has 0 digits; at least 5 are needed")
        #expect(PIIHasher.phoneProblem("+1234567890123456") == "phone has 16 digits; at most 15 are allowed")
        #expect(PIIHasher.phoneProblem("+1 555 0100 ext 12") == "phone contains letters; send only the number")
        #expect(PIIHasher.phoneProblem("0800-FLOWERS") == "phone contains letters; send only the number")
    }
}
