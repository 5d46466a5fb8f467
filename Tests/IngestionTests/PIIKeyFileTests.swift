import Foundation
import Ingestion
import Testing

@Suite("PIIKeyFile")
struct PIIKeyFileTests {
    /// A fresh directory under the system temporary directory, removed after `body`.
    private func withTemporaryDirectory(_ body: (String) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("clv-pii-key-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try body(directory)
    }

    private func permissions(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return try #require(attributes[.posixPermissions] as? Int)
    }

    @Test func createsA0600FileWith64HexCharactersAndReadsItBack() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/secrets/deeper/pii.key"
            let key = try PIIKeyFile.loadOrCreate(path: path)
            #expect(key.count == 32)
            #expect(Set(key).count > 8)  // random, not a constant fill

            let content = try String(contentsOfFile: path, encoding: .utf8)
            #expect(content.hasSuffix("\n"))
            let hex = content.dropLast()
            #expect(hex.count == 64)
            #expect(hex.allSatisfy { "0123456789abcdef".contains($0) })
            #expect(hex == key.map { String(format: "%02x", $0) }.joined())

            #expect(try permissions(path) == 0o600)
            #expect(try permissions(directory + "/secrets") == 0o700)
            #expect(try permissions(directory + "/secrets/deeper") == 0o700)
            // Nothing else is left behind (no temporary file).
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory + "/secrets/deeper") == ["pii.key"])

            #expect(try PIIKeyFile.loadOrCreate(path: path) == key)
        }
    }

    @Test func twoCreationsInDifferentPlacesDiffer() throws {
        try withTemporaryDirectory { directory in
            let first = try PIIKeyFile.loadOrCreate(path: directory + "/a.key")
            let second = try PIIKeyFile.loadOrCreate(path: directory + "/b.key")
            #expect(first != second)
        }
    }

    @Test func readsAnExistingFileWithWhiteSpaceAndUpperCase() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/pii.key"
            let hex = "000102030405060708090A0B0C0D0E0F101112131415161718191a1b1c1d1e1f"
            try "  \(hex)\r\n\n".write(toFile: path, atomically: false, encoding: .utf8)
            #expect(try PIIKeyFile.loadOrCreate(path: path) == Array(0..<32))
        }
    }

    @Test(arguments: [
        "",
        "\n",
        "0001020304050607",  // too short
        String(repeating: "ab", count: 33),  // too long
        String(repeating: "zz", count: 32),  // not hex
        String(repeating: "ab", count: 16) + " " + String(repeating: "ab", count: 16),  // space inside
        String(repeating: "a", count: 5000),  // far too long
    ])
    func malformedFilesAreErrorsNamingThePath(content: String) throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/pii.key"
            try content.write(toFile: path, atomically: false, encoding: .utf8)
            let error = #expect(throws: PIIKeyFileError.self) { try PIIKeyFile.loadOrCreate(path: path) }
            #expect(error == .malformed(path: path))
            let description = error?.description ?? ""
            #expect(description.contains(path))
            #expect(description.contains("64 hexadecimal characters"))
            if content.count > 8 {
                #expect(!description.contains(content.prefix(8)))  // never prints the content
            }
            // The malformed file is left alone, not replaced by a new key.
            #expect(try String(contentsOfFile: path, encoding: .utf8) == content)
        }
    }

    @Test func unreadableLocationIsASystemErrorNamingThePath() throws {
        try withTemporaryDirectory { directory in
            let blocker = directory + "/not-a-directory"
            try "x".write(toFile: blocker, atomically: false, encoding: .utf8)
            let path = blocker + "/pii.key"
            let error = #expect(throws: PIIKeyFileError.self) { try PIIKeyFile.loadOrCreate(path: path) }
            #expect(error?.description.contains(path) == true)
        }
    }

    @Test func concurrentCreatorsAgreeOnOneKey() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("clv-pii-race-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/pii.key"
        let keys = try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<16 {
                group.addTask { try PIIKeyFile.loadOrCreate(path: path) }
            }
            return try await group.reduce(into: [[UInt8]]()) { $0.append($1) }
        }
        #expect(keys.count == 16)
        #expect(Set(keys).count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["pii.key"])
    }
}
