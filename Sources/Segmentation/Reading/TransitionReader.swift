import CLVProto
import RPC
import Store

/// SegmentTransitions: the migration matrices a refresh stored against the refresh before it.
struct TransitionReader: Sendable {
    let pool: PGPool

    func transitions(_ request: SegmentTransitionsRequest) async throws -> SegmentTransitionsResponse {
        guard request.refreshID <= UInt64(Int64.max) else { throw RPCError.invalidArgument(field: "refresh_id", "is out of range") }
        return try await pool.withConnection { connection in
            let to: RefreshRecord
            if request.refreshID == 0 {
                guard let current = try RefreshRecord.current(on: connection) else {
                    throw RPCError(code: .failedPrecondition, message: "no segment refresh yet: call RefreshSegments (clv segments refresh) first")
                }
                to = current
            } else {
                guard let named = try RefreshRecord.read(Int64(request.refreshID), on: connection) else {
                    throw RPCError(code: .notFound, message: "no segment refresh \(request.refreshID)")
                }
                to = named
            }
            guard let fromID = to.previousRefreshID, let from = try RefreshRecord.read(fromID, on: connection) else {
                throw RPCError(
                    code: .failedPrecondition,
                    message: "refresh \(to.refreshID) is the first: transitions need two refreshes (run clv segments refresh again later)")
            }
            var matrices: [String: [Transition]] = [:]
            for row in try connection.query(
                """
                SELECT kind, from_name, to_name, customers FROM segment_transitions WHERE refresh_id = $1
                ORDER BY kind, customers DESC, from_name, to_name
                """, [.int(to.refreshID)])
            {
                matrices[try row.string("kind"), default: []].append(
                    Transition(from: try row.string("from_name"), to: try row.string("to_name"), customers: UInt64(try row.int("customers"))))
            }
            return SegmentTransitionsResponse(
                fromRefresh: from.proto, toRefresh: to.proto, segments: matrices["segment"] ?? [], stages: matrices["stage"] ?? [],
                tiers: matrices["tier"] ?? [])
        }
    }
}
