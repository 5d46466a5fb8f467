import Foundation
import Ingestion
import Testing

/// A key kept beside the data directory by an older version moves inside it, once.
@Suite("PIIKeyFile.moveIn")
struct PIIKeyFileMoveTests {
    private func withTemporaryDirectory(_ body: (String) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("clv-pii-move-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try body(directory)
    }

    private let hex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"

    @Test func movesAnOldKeyInOnceWithMode0600() throws {
        try withTemporaryDirectory { directory in
            let old = directory + "/pii.key"
            let new = directory + "/db/pii.key"
            try "\(hex)\n".write(toFile: old, atomically: false, encoding: .utf8)
            #expect(try PIIKeyFile.moveIn(from: old, to: new))
            #expect(!FileManager.default.fileExists(atPath: old))
            #expect(try PIIKeyFile.loadOrCreate(path: new) == Array(0..<32))
            let mode = try FileManager.default.attributesOfItem(atPath: new)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory + "/db") == ["pii.key"])
            // Once: nothing left to move.
            #expect(try PIIKeyFile.moveIn(from: old, to: new) == false)
        }
    }

    @Test func aKeyAlreadyInsideWinsAndTheOldOneIsLeftAlone() throws {
        try withTemporaryDirectory { directory in
            let old = directory + "/pii.key"
            let new = directory + "/db/pii.key"
            try "\(hex)\n".write(toFile: old, atomically: false, encoding: .utf8)
            let inside = try PIIKeyFile.loadOrCreate(path: new)
            #expect(try PIIKeyFile.moveIn(from: old, to: new) == false)
            #expect(try PIIKeyFile.loadOrCreate(path: new) == inside)
            #expect(FileManager.default.fileExists(atPath: old))
        }
    }

    @Test func aMalformedOldKeyIsNotMovedAndSaysSo() throws {
        try withTemporaryDirectory { directory in
            let old = directory + "/pii.key"
            try "not a key\n".write(toFile: old, atomically: false, encoding: .utf8)
            let error = #expect(throws: PIIKeyFileError.self) { try PIIKeyFile.moveIn(from: old, to: directory + "/db/pii.key") }
            #expect(error == .malformed(path: old))
            #expect(FileManager.default.fileExists(atPath: old))
            #expect(!FileManager.default.fileExists(atPath: directory + "/db/pii.key"))
        }
    }

    @Test func nothingToMoveIsNoChange() throws {
        try withTemporaryDirectory { directory in
            let moved = try PIIKeyFile.moveIn(from: directory + "/pii.key", to: directory + "/db/pii.key")
            #expect(moved == false)
            #expect(!FileManager.default.fileExists(atPath: directory + "/db"))
        }
    }
}
