import CLVProto
import CLVStubs
import Ingestion
import RPC
import Testing

/// Ids with a NUL byte or invalid UTF-8 on the wire: protobuf-c would hand them over cut at the
/// NUL or with replacement characters, so `seed-c7\0junk` would have erased `seed-c7`.
@Suite struct HostileStringTests {
    @Test func anIdWithANULByteIsRefusedAndErasesNobody() async throws {
        let server = try await IngestionServer.start(prefix: "hostile")
        _ = try await server.client.upsertCustomers([Customer(customerID: "seed-c7", market: "DE")])

        let single = try await server.rpc.rawUnary(
            method: IngestionRPC.Method.forgetCustomer.fullName, payload: Self.field(1, Array("seed-c7".utf8) + [0] + Array("junk".utf8)))
        #expect(single.outcome.code == RPCStatusCode.invalidArgument.rawValue)
        #expect(single.outcome.fieldViolations.map(\.field) == ["customer_id"])
        #expect(single.outcome.message.contains("clv.ingestion.v1.ForgetCustomerRequest.customer_id contains a NUL byte"), "\(single.outcome.message)")

        // The batch form, with the bad id second: nothing is erased, the good id included.
        let batch = try await server.rpc.rawUnary(
            method: IngestionRPC.Method.forgetCustomers.fullName,
            payload: Self.field(1, Array("seed-c7".utf8)) + Self.field(1, [0x75, 0xff]))
        #expect(batch.outcome.code == RPCStatusCode.invalidArgument.rawValue)
        #expect(batch.outcome.fieldViolations.map(\.field) == ["customer_ids[1]"])
        #expect(try await server.count("SELECT count(*) FROM customers WHERE customer_id = 'seed-c7'") == 1)
    }

    static func field(_ number: UInt8, _ bytes: [UInt8]) -> [UInt8] {
        precondition(bytes.count < 128)
        return [number << 3 | 2, UInt8(bytes.count)] + bytes
    }
}
