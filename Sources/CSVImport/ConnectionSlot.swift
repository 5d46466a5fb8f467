import CLVProto
import CLVStubs
import Ingestion
import RPC

/// The one connection an import sends its batches on, replaced when it is lost.
///
/// Every batch in flight shares the connection. When a call fails with UNAVAILABLE the
/// connection may be gone for good (a server restart), so the slot opens a new one; the calls
/// that were on the old one fail too and are retried on the new one.
public actor ConnectionSlot {
    private var client: RPCClient
    private var generation = 0
    private var reconnecting: Task<RPCClient, any Error>?
    private let connect: @Sendable () async throws -> RPCClient

    /// Starts with `client`; `connect` opens a replacement.
    public init(client: RPCClient, connect: @escaping @Sendable () async throws -> RPCClient) {
        self.client = client
        self.connect = connect
    }

    /// The connection now, and its generation for `reconnect(replacing:)`.
    public func current() -> (client: RPCClient, generation: Int) {
        (client, generation)
    }

    /// Replaces connection `generation` with a new one, unless that already happened.
    /// Concurrent callers share one attempt.
    public func reconnect(replacing generation: Int) async throws {
        guard generation == self.generation else { return }
        if let reconnecting {
            _ = try await reconnecting.value
            return
        }
        let attempt = Task { [connect] in try await connect() }
        reconnecting = attempt
        defer { reconnecting = nil }
        let fresh = try await attempt.value
        let old = client
        client = fresh
        self.generation += 1
        await old.close()
    }

    /// Closes the current connection.
    public func close() async {
        await client.close()
    }

    /// A batch sender over this slot: `call` sends one batch with the connection of the moment;
    /// on UNAVAILABLE the slot reconnects before the error goes back to the retry loop.
    public nonisolated func sender<Record: Sendable>(
        options: CallOptions,
        _ call: @escaping @Sendable (IngestionRPC.Client, [Record], CallOptions) async throws(RPCError) -> IngestResponse
    ) -> BatchSend<Record> {
        { records throws(RPCError) in
            let (client, generation) = await self.current()
            do throws(RPCError) {
                return try await call(IngestionRPC.Client(client: client), records, options)
            } catch {
                if error.code == .unavailable {
                    // A failed reconnect shows up as UNAVAILABLE again on the next try.
                    try? await self.reconnect(replacing: generation)
                }
                throw error
            }
        }
    }
}

/// Sends one batch of records and returns the service's answer.
public typealias BatchSend<Record> = @Sendable ([Record]) async throws(RPCError) -> IngestResponse
