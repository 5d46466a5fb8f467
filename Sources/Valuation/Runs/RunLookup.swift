import RPC
import Store

/// Finds the run a call names, or says precisely why it cannot.
enum RunLookup {
    /// The run `runID`, or the latest for 0. NOT_FOUND when there is no such run.
    static func run(_ runID: Int64, pool: PGPool) async throws -> ModelRunRecord {
        guard let run = try await pool.withConnection({ connection in try ModelRunStore.read(runID, on: connection) }) else {
            throw runID == 0
                ? RPCError(code: .notFound, message: "no model run yet: call FitModel (clv fit) first")
                : RPCError(code: .notFound, message: "no model run \(runID)")
        }
        return run
    }
}
