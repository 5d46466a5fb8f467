import Foundation

/// The Python `lifetimes` library fitting the same summary data (scripts/lifetimes-peer.py).
struct LifetimesPeer {
    struct Result: Decodable {
        struct BGNBD: Decodable {
            let r, alpha, a, b, seconds: Double
        }
        struct GammaGamma: Decodable {
            let p, q, gamma, seconds: Double
        }
        let bgnbd: BGNBD
        let gammaGamma: GammaGamma
        let lifetimesVersion: String
    }

    let python: String
    let script: String

    /// Writes `frequency,recency,T,monetary_value` and runs the peer on it.
    func fit(_ rows: [(x: Int, recency: Double, age: Double, value: Double)]) throws -> Result {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("clv-bench-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        var text = "frequency,recency,T,monetary_value\n"
        text.reserveCapacity(rows.count * 40)
        for row in rows { text += "\(row.x),\(row.recency),\(row.age),\(row.value)\n" }
        try text.write(to: file, atomically: false, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError("the lifetimes peer failed (exit \(process.terminationStatus)); its error is above")
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Result.self, from: data)
    }
}

/// A benchmark that could not run, and why.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
