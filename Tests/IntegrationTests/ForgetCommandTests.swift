import CLVProto
import CLVService
import CLVStubs
import Foundation
import Ingestion
import RPC
import ServiceLifecycle
import Store
import TestSupport
import Testing

/// `clv forget` as a user runs it: ids from standard input, a file or a prefix, against a real
/// ingestion service.
@Suite struct ForgetCommandTests {
    @Test func forgetTakesIdsFromStandardInputAFileOrAPrefixAndAsksBeforeAPrefix() async throws {
        let logger = TestDatabase.logger
        let pool = TestDatabase.makePool(try await TestDatabase.freshDatabase(prefix: "forget_cli"), maximumConnections: 2)
        _ = try await Migrator.migrate(PlatformMigrations.all + IngestionMigrations.all, pool: pool, logger: logger)
        var router = RPCRouter()
        IngestionServiceProvider().register(
            into: &router, environment: ServiceEnvironment(pool: pool, logger: logger, piiKey: [UInt8](repeating: 7, count: 32)))
        let server = RPCServer(
            configuration: RPCServerConfiguration(host: "127.0.0.1", port: 0), router: router, interceptors: [], logger: logger)
        let group = ServiceGroup(services: [server], logger: logger)
        let running = Task { try await group.run() }
        let address = "127.0.0.1:\(try await server.listeningPort)"
        let rpc = try await RPCClient.connect(host: "127.0.0.1", port: try await server.listeningPort)
        let ingestion = IngestionRPC.Client(client: rpc)
        _ = try await ingestion.setBaseCurrency("EUR")
        let ids = ["a-1", "a-2", "a-3", "b-1", "keep-1"]
        let orders = ids.map { id in
            Order(
                orderID: "\(id)-o", customerID: id, placedAtUnixMs: 1_772_445_600_000,
                amount: Money(minorUnits: 1_000, currency: "EUR"), platform: "web", itemCount: 1, status: .completed)
        }
        #expect(try await ingestion.ingestOrders(orders).inserted == 5)
        func stored() async throws -> [String] {
            try await pool.query("SELECT customer_id FROM customers ORDER BY 1").map { try $0.string("customer_id") }
        }

        let fromStandardInput = try await Self.clv(["forget", "-", "--server", address, "--json"], input: "a-1\r\n\na-2\n")
        #expect(fromStandardInput.status == 0, "\(fromStandardInput.error)")
        let report = try JSONSerialization.jsonObject(with: Data(fromStandardInput.output.utf8)) as? [String: Any]
        #expect(report?["customers_erased"] as? Int == 2)
        #expect(report?["total_rows"] as? Int == 8)
        #expect(try await stored() == ["a-3", "b-1", "keep-1"])

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("forget-\(UUID().uuidString).txt")
        try Data("b-1\nnobody\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let fromFile = try await Self.clv(["forget", "--file", file.path, "--server", address, "--json"])
        #expect(fromFile.status == 0, "\(fromFile.error)")
        let fileReport = try JSONSerialization.jsonObject(with: Data(fromFile.output.utf8)) as? [String: Any]
        #expect(fileReport?["customers_erased"] as? Int == 1)
        #expect(fileReport?["not_found"] as? [String] == ["nobody"])

        // A prefix with no terminal and no --yes erases nothing and says what to do.
        let refused = try await Self.clv(["forget", "--prefix", "a-", "--server", address])
        #expect(refused.status != 0)
        #expect(refused.error.contains("1 customers have an id starting with 'a-'") && refused.error.contains("--yes"), "\(refused.error)")
        #expect(try await stored() == ["a-3", "keep-1"])
        let confirmed = try await Self.clv(["forget", "--prefix", "a-", "--yes", "--server", address])
        #expect(confirmed.status == 0, "\(confirmed.error)")
        #expect(
            confirmed.output.split(separator: "\n").contains { $0.hasPrefix("customers erased") && $0.hasSuffix(" 1") },
            "\(confirmed.output)")
        #expect(try await stored() == ["keep-1"])

        let unknown = try await Self.clv(["forget", "nobody", "--server", address])
        #expect(unknown.status == 1)
        #expect(unknown.output.contains("nobody"))
        let bad = try await Self.clv(["forget", "keep-1", " spaced", "--server", address])
        #expect(bad.status != 0)
        #expect(bad.error.contains("id number 2, \" spaced\""), "\(bad.error)")
        #expect(try await stored() == ["keep-1"])

        await rpc.close()
        await group.triggerGracefulShutdown()
        try await running.value
        await pool.close()
    }

    /// Runs the built `clv` with `input` on standard input (empty: none, as from a script).
    static func clv(_ arguments: [String], input: String = "") async throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = try BuiltProducts.executable("clv")
        process.arguments = arguments
        let (standardInput, standardOutput, standardError) = (Pipe(), Pipe(), Pipe())
        process.standardInput = standardInput
        process.standardOutput = standardOutput
        process.standardError = standardError
        try process.run()
        standardInput.fileHandleForWriting.write(Data(input.utf8))
        try standardInput.fileHandleForWriting.close()
        let output = Task.detached { String(decoding: standardOutput.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }
        let error = Task.detached { String(decoding: standardError.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }
        let (out, err) = (await output.value, await error.value)
        process.waitUntilExit()
        return (process.terminationStatus, out, err)
    }
}
