import CLVProto
import CLVStubs
import TestSupport
import Testing

/// Every string field of every request message, however deeply nested, refuses a NUL byte and
/// invalid UTF-8 at decoding, naming the field. The requests come from the generated service
/// descriptors and their fields from the generated tables, so a method or field added to proto/
/// is covered without touching this test.
@Suite struct StrictStringsTests {
    /// The request type of every method of every service, and the envelope.
    static let requests: [any ProtoMessage.Type] = {
        var seen: Set<String> = []
        let methods = HealthRPC.methods + IngestionRPC.methods + ValuationRPC.methods
        return ([CallFrame.self] + methods.map(\.requestType)).filter { seen.insert($0.protoName).inserted }
    }()

    @Test(arguments: requests.map(Request.init))
    func everyStringFieldRefusesNULAndInvalidUTF8(_ request: Request) throws {
        let fields = WireEncoding.StringField.all(in: request.type.protoSchema)
        for field in fields {
            for (bytes, reason) in WireEncoding.hostileStrings {
                #expect(throws: ProtoDecodingError(messageName: request.type.protoName, field: field.path, reason: reason), "\(field)") {
                    try request.decode(field.encode(bytes))
                }
            }
            try request.decode(field.encode(Array("Zürich 東京 ok".utf8)))  // valid text passes
        }
    }

    @Test func theEnumerationReachesNestedRepeatedAndMapFields() {
        #expect(Self.requests.count == 16)
        let order = WireEncoding.StringField.all(in: IngestOrdersRequest.protoSchema).map(\.path)
        #expect(order.contains("orders[0].order_id") && order.contains("orders[0].amount.currency"))
        let frame = WireEncoding.StringField.all(in: CallFrame.protoSchema).map(\.path)
        #expect(frame.contains("request.method"))
        #expect(frame.contains("request.metadata[0].key") && frame.contains("request.metadata[0].value"))
        #expect(frame.contains("response.status.field_violations[0].field"))
    }

    @Test func aRepeatedFieldIsNamedByItsIndex() throws {
        let good = WireEncoding.field(1, Array("a".utf8))
        let bad = WireEncoding.field(1, [0x62, 0x00])
        #expect(throws: ProtoDecodingError(messageName: "clv.ingestion.v1.ForgetCustomersRequest", field: "customer_ids[2]", reason: "contains a NUL byte")) {
            _ = try ForgetCustomersRequest(serializedBytes: good + good + bad)
        }
    }

    /// A request type, named in the test's arguments.
    struct Request: CustomTestStringConvertible, Sendable {
        let type: any ProtoMessage.Type
        var testDescription: String { type.protoName }

        func decode(_ bytes: [UInt8]) throws(ProtoDecodingError) {
            _ = try type.init(serializedBytes: bytes)
        }
    }
}
