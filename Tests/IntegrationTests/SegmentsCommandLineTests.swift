import Foundation
import Testing

/// `clv segments …` and `clv customer` as a user runs them, against a real `clv-server` on its
/// own cluster, after importing a few customers and orders with `clv import`.
@Suite struct SegmentsCommandLineTests {
    static let customers = #"""
        customer_id,market,acquisition_channel
        c-1,DE,ads
        "c,""2""",FR,organic
        c-3,DE,organic
        c-4,FR,ads
        c-5,DE,ads
        c-6,DE,referral

        """#

    /// c-5 never bought: a prospect, in the refresh but without RFM scores.
    static let orders = #"""
        order_id,customer_id,placed_at,amount,currency
        o-1a,c-1,2026-01-10,120.00,EUR
        o-1b,c-1,2026-05-10,120.00,EUR
        o-1c,c-1,2026-11-20,120.00,EUR
        o-2,"c,""2""",2026-11-25,80.00,EUR
        o-3,c-3,2025-06-01,30.00,EUR
        o-4a,c-4,2026-03-01,50.00,EUR
        o-4b,c-4,2026-09-01,50.00,EUR
        o-6,c-6,2026-10-01,200.00,EUR

        """#

    @Test func refreshSummaryMembersAndTheCustomerCard() async throws {
        let parent = try ServerProcess.temporaryDirectory(mode: 0o755)
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let port = try await ServerProcess.freePort()
        let (server, _) = try await ServerProcess.start(dataDirectory: parent + "/db", port: port)
        defer { if server.process.isRunning { server.process.terminate() } }
        let address = ["--server", "127.0.0.1:\(port)"]
        try Self.customers.write(toFile: parent + "/customers.csv", atomically: true, encoding: .utf8)
        try Self.orders.write(toFile: parent + "/orders.csv", atomically: true, encoding: .utf8)
        for arguments in [["base-currency", "EUR"], ["import", "customers", parent + "/customers.csv"], ["import", "orders", parent + "/orders.csv"]] {
            let run = try await Self.clv(arguments + address)
            try #require(run.status == 0, "\(arguments): \(run.output) \(run.error)")
        }

        let refresh = try await Self.clv(["segments", "refresh"] + address)
        #expect(refresh.status == 0, "\(refresh.error)")
        #expect(refresh.output.contains("days since the last purchase") && refresh.output.contains("purchase days"), "\(refresh.output)")
        #expect(refresh.output.split(separator: "\n").contains { $0.hasPrefix("customers") && $0.contains("6: 5 with a purchase") }, "\(refresh.output)")

        let summary = try await Self.json(["segments", "summary", "--json"] + address)
        let header = try #require(summary["refresh"] as? [String: Any])
        #expect(header["customers"] as? Int == 6 && header["purchasers"] as? Int == 5, "\(header)")
        #expect((header["value_basis"] as? [String: Any])?["base_currency"] as? String == "EUR")
        let stages = try #require(summary["stages"] as? [[String: Any]])
        #expect(stages.reduce(0) { $0 + ($1["customers"] as? Int ?? 0) } == 6, "\(stages)")
        #expect(stages.contains { $0["name"] as? String == "prospect" && $0["customers"] as? Int == 1 }, "\(stages)")

        let file = parent + "/members.csv"
        let members = try await Self.clv(["segments", "members", "all", "--csv", file] + address)
        #expect(members.status == 0, "\(members.error)")
        #expect(members.output.hasPrefix("wrote 6 members to \(file)"), "\(members.output)")
        let csv = try String(contentsOfFile: file, encoding: .utf8)
        let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 7, "\(csv)")
        #expect(lines.first?.hasPrefix("\"customer_id\",\"market\",\"acquisition_channel\",\"recency\"") == true, "\(csv)")
        // The id with a comma and quotes is one quoted field.
        #expect(lines.contains { $0.hasPrefix("\"c,\"\"2\"\"\",\"FR\",\"organic\",") }, "\(csv)")
        let limited = try await Self.json(["segments", "members", "all", "--limit", "2", "--page-size", "1", "--json"] + address)
        #expect((limited["members"] as? [[String: Any]])?.compactMap { $0["customer_id"] as? String } == ["c,\"2\"", "c-1"], "\(limited)")

        // No model run yet: the value card is missing, the segments card is shown.
        let card = try await Self.json(["customer", "c-1", "--json"] + address)
        #expect(card["value"] is NSNull, "\(card)")
        #expect((card["value_error"] as? [String: Any])?["code"] as? String == "NOT_FOUND", "\(card)")
        let segments = try #require(card["segments"] as? [String: Any], "\(card)")
        #expect(segments["customer_id"] as? String == "c-1")
        let facts = try #require(segments["facts"] as? [String: Any])
        #expect(facts["frequency"] as? Int == 3 && facts["completed_orders"] as? Int == 3 && facts["revenue_base_minor"] as? Int == 36_000, "\(facts)")
        let current = try #require(segments["current"] as? [String: Any])
        #expect((current["rfm"] as? [String: Any])?["frequency"] as? Int == 5, "\(current)")
        #expect(segments["stored"] is [String: Any] && current["tier"] as? String != "unspecified", "\(segments)")

        let unknown = try await Self.clv(["customer", "nobody"] + address)
        #expect(unknown.status == 1 && unknown.error.contains("NOT_FOUND"), "\(unknown.error)")

        server.process.interrupt()
        #expect(await server.waitForExit() == 0)
    }

    static func json(_ arguments: [String]) async throws -> [String: Any] {
        let run = try await clv(arguments)
        try #require(run.status == 0, "\(arguments): \(run.output) \(run.error)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any], "\(run.output)")
    }

    static func clv(_ arguments: [String]) async throws -> (status: Int32, output: String, error: String) {
        let child = try ChildProcess(try BuiltProducts.executable("clv"), arguments: arguments, environment: ServerProcess.environment)
        let output = Task.detached { child.output() }
        var errorLines: [String] = []
        for await line in child.errorLines { errorLines.append(line) }
        let status = await child.waitForExit()
        return (status, await output.value, errorLines.map { $0 + "\n" }.joined())
    }
}
