import Foundation
import Testing

/// protoc-gen-clv-swift's output for Fixtures/protos/clv/golden/v1/golden.proto, which uses every
/// feature the generator supports, is exactly the committed Fixtures/golden files. After a
/// deliberate change to the generator, regenerate them with `CLV_UPDATE_GOLDEN=1 swift test
/// --filter GeneratorGoldenTests` and read the difference.
@Suite struct GeneratorGoldenTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let repository = fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test(arguments: ["messages": "golden.pb.swift", "services": "golden.rpc.swift"].sorted { $0.key < $1.key })
    func theOutputIsTheGoldenFile(part: String, file: String) throws {
        let output = try Self.generate(part: part, proto: "clv/golden/v1/golden.proto")
        let generated = try String(contentsOf: output.appendingPathComponent("clv/golden/v1/\(file)"), encoding: .utf8)
        let golden = Self.fixtures.appendingPathComponent("golden/\(file)")
        if ProcessInfo.processInfo.environment["CLV_UPDATE_GOLDEN"] == "1" {
            try generated.write(to: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(generated == expected, "the generator's \(part) output differs from Fixtures/golden/\(file)")
    }

    @Test func theGoldenOutputHasEveryFeature() throws {
        let messages = try String(contentsOf: Self.fixtures.appendingPathComponent("golden/golden.pb.swift"), encoding: .utf8)
        for feature in [
            "public var stockCount: Int64?",  // proto3 optional
            "public var tagIDs: [String]",  // repeated, acronym
            "public var pricesByCurrency: [String: Int64]",  // map
            "public var boxes: [Int32: Item.Dimensions]",  // map of messages
            "public var source: Source?", "case vendorURL(String)", "case handmade(Empty)",  // oneof
            "case unrecognized(Int32)", "public static let virtual = Kind.digital",  // open enums, aliases
            "case deepRed",  // prefix dropped
            "public var `default`: String",  // keyword
            "c.pointee.has_stock_count = 1",
        ] {
            #expect(messages.contains(feature), "\(feature)")
        }
        let services = try String(contentsOf: Self.fixtures.appendingPathComponent("golden/golden.rpc.swift"), encoding: .utf8)
        for feature in [
            "public enum CatalogRPC", "kind: .serverStreaming, scope: AuthorizationScope(\"catalog.read\")", "scope: .public",
            "public protocol ServiceProtocol: Sendable", "responses: ResponseStreamWriter<Item>", "public struct Client: Sendable",
            "-> ServerStreamingCall<Item>", "router.registerServerStreaming(CatalogRPC.Method.listItems)",
        ] {
            #expect(services.contains(feature), "\(feature)")
        }
    }

    @Test func aMethodWithoutAScopeIsRefusedByName() throws {
        #expect(throws: GenerationFailed.self) { try Self.generate(part: "services", proto: "clv/golden/v1/unscoped.proto") }
        do {
            _ = try Self.generate(part: "services", proto: "clv/golden/v1/unscoped.proto")
        } catch let error as GenerationFailed {
            #expect(error.message.contains("clv.golden.v1.Unscoped/Open declares no scope"), "\(error.message)")
        }
    }

    struct GenerationFailed: Error {
        let message: String
    }

    /// Runs protoc with the plugin that `swift build` put beside the tests; returns the output folder.
    static func generate(part: String, proto: String) throws -> URL {
        let bin = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        let plugin = [bin, bin.deletingLastPathComponent()].map { $0.appendingPathComponent("protoc-gen-clv-swift") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
        let protoc = ["/usr/bin/protoc", "/usr/local/bin/protoc"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let plugin, let protoc else {
            throw GenerationFailed(message: "needs protoc (scripts/setup installs it) and the built plugin (swift build --build-tests)")
        }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("clv-golden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: protoc)
        process.arguments = [
            "-I", fixtures.appendingPathComponent("protos").path, "-I", repository.appendingPathComponent("proto").path,
            "-I", "/usr/include", "--plugin=protoc-gen-clv-swift=\(plugin.path)",
            "--clv-swift_opt=part=\(part),acronyms=ID+IDs+URL", "--clv-swift_out=\(output.path)", proto,
        ]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw GenerationFailed(message: message) }
        return output
    }
}
