import CLVProto
import CLVProtoC
import CProtobufC
import Testing

/// Every string field of every request message, however deeply nested, refuses a NUL byte and
/// invalid UTF-8 at decoding, naming the field. The fields come from protobuf-c's generated
/// descriptors, so a field added to proto/ is covered without touching this test.
@Suite struct StrictStringsTests {
    /// A request message: its Swift decoding and protobuf-c's descriptor.
    struct Message: CustomTestStringConvertible, Sendable {
        let decode: @Sendable ([UInt8]) throws(ProtoDecodingError) -> Void
        /// The descriptor's address: a static table of the generated C code, alive as long as the
        /// process (kept as an integer so the value is Sendable).
        private let descriptorAddress: UInt
        var descriptor: UnsafePointer<ProtobufCMessageDescriptor> { UnsafePointer(bitPattern: descriptorAddress)! }
        var testDescription: String { String(cString: descriptor.pointee.name) }

        /// `unpack` and `free` are protobuf-c's generated functions for the message: an empty
        /// message unpacked names its descriptor.
        init<T: ProtoMessage, C>(
            _ type: T.Type,
            _ unpack: (UnsafeMutablePointer<ProtobufCAllocator>?, Int, UnsafePointer<UInt8>?) -> UnsafeMutablePointer<C>?,
            _ free: (UnsafeMutablePointer<C>?, UnsafeMutablePointer<ProtobufCAllocator>?) -> Void
        ) {
            var empty: UInt8 = 0
            let message = withUnsafePointer(to: &empty) { unpack(nil, 0, $0) }!
            defer { free(message, nil) }
            let descriptor = UnsafeRawPointer(message).assumingMemoryBound(to: ProtobufCMessage.self).pointee.descriptor!
            self.descriptorAddress = UInt(bitPattern: descriptor)
            self.decode = { bytes throws(ProtoDecodingError) in _ = try T(serializedBytes: bytes) }
        }
    }

    static let requests: [Message] = [
        Message(CallFrame.self, clv__rpc__v1__frame__unpack, clv__rpc__v1__frame__free_unpacked),
        Message(HealthCheckRequest.self, clv__health__v1__health_check_request__unpack, clv__health__v1__health_check_request__free_unpacked),
        Message(SetBaseCurrencyRequest.self, clv__ingestion__v1__set_base_currency_request__unpack, clv__ingestion__v1__set_base_currency_request__free_unpacked),
        Message(UpsertCustomersRequest.self, clv__ingestion__v1__upsert_customers_request__unpack, clv__ingestion__v1__upsert_customers_request__free_unpacked),
        Message(IngestOrdersRequest.self, clv__ingestion__v1__ingest_orders_request__unpack, clv__ingestion__v1__ingest_orders_request__free_unpacked),
        Message(IngestEventsRequest.self, clv__ingestion__v1__ingest_events_request__unpack, clv__ingestion__v1__ingest_events_request__free_unpacked),
        Message(UpsertExchangeRatesRequest.self, clv__ingestion__v1__upsert_exchange_rates_request__unpack, clv__ingestion__v1__upsert_exchange_rates_request__free_unpacked),
        Message(ForgetCustomerRequest.self, clv__ingestion__v1__forget_customer_request__unpack, clv__ingestion__v1__forget_customer_request__free_unpacked),
        Message(ForgetCustomersRequest.self, clv__ingestion__v1__forget_customers_request__unpack, clv__ingestion__v1__forget_customers_request__free_unpacked),
        Message(ListCustomerIdsRequest.self, clv__ingestion__v1__list_customer_ids_request__unpack, clv__ingestion__v1__list_customer_ids_request__free_unpacked),
        Message(GetStatsRequest.self, clv__ingestion__v1__get_stats_request__unpack, clv__ingestion__v1__get_stats_request__free_unpacked),
        Message(FitModelRequest.self, clv__valuation__v1__fit_model_request__unpack, clv__valuation__v1__fit_model_request__free_unpacked),
        Message(ScoreCustomersRequest.self, clv__valuation__v1__score_customers_request__unpack, clv__valuation__v1__score_customers_request__free_unpacked),
        Message(GetCustomerValueRequest.self, clv__valuation__v1__get_customer_value_request__unpack, clv__valuation__v1__get_customer_value_request__free_unpacked),
        Message(ValueReportRequest.self, clv__valuation__v1__value_report_request__unpack, clv__valuation__v1__value_report_request__free_unpacked),
        Message(EvaluateModelRequest.self, clv__valuation__v1__evaluate_model_request__unpack, clv__valuation__v1__evaluate_model_request__free_unpacked),
    ]

    static let hostile: [(bytes: [UInt8], reason: String)] = [
        (Array("seed-c7".utf8) + [0] + Array("junk".utf8), "contains a NUL byte"),
        ([0x75, 0xff], "is not valid UTF-8"),
        ([0x61, 0xc3], "is not valid UTF-8"),  // a truncated two-byte sequence
        ([0xed, 0xa0, 0x80], "is not valid UTF-8"),  // an encoded surrogate
    ]

    @Test(arguments: requests)
    func everyStringFieldRefusesNULAndInvalidUTF8(_ message: Message) throws {
        let paths = Self.stringPaths(message.descriptor, depth: 0)
        for (path, wrap) in paths {
            for (bytes, reason) in Self.hostile {
                #expect(throws: ProtoDecodingError(messageName: message.testDescription, field: path, reason: reason), "\(path)") {
                    try message.decode(wrap(bytes))
                }
            }
            try message.decode(wrap(Array("Zürich 東京 ok".utf8)))  // valid text passes
        }
    }

    @Test func theRequestsHaveStringFieldsToTest() {
        // Guards the enumeration itself: it must reach nested and map fields.
        let order = Self.stringPaths(Self.requests[4].descriptor, depth: 0).map(\.path)
        #expect(order.contains("orders[0].order_id"))
        #expect(order.contains("orders[0].amount.currency"))
        let frame = Self.stringPaths(Self.requests[0].descriptor, depth: 0).map(\.path)
        #expect(frame.contains("request.method"))
        #expect(frame.contains("request.metadata[0].key") && frame.contains("request.metadata[0].value"))
    }

    @Test func aRepeatedFieldIsNamedByItsIndex() throws {
        let good = Self.field(1, Array("a".utf8))
        let bad = Self.field(1, [0x62, 0x00])
        #expect(throws: ProtoDecodingError(messageName: "clv.ingestion.v1.ForgetCustomersRequest", field: "customer_ids[2]", reason: "contains a NUL byte")) {
            _ = try ForgetCustomersRequest(serializedBytes: good + good + bad)
        }
    }

    // MARK: Building hostile encodings from the descriptors

    /// Each string field's path, and how to wrap a string's bytes into an encoding of the message
    /// in which that field (alone) holds them.
    static func stringPaths(_ descriptor: UnsafePointer<ProtobufCMessageDescriptor>, depth: Int) -> [(path: String, wrap: ([UInt8]) -> [UInt8])] {
        guard depth < 6 else { return [] }
        var paths: [(String, ([UInt8]) -> [UInt8])] = []
        for index in 0..<Int(descriptor.pointee.n_fields) {
            let field = descriptor.pointee.fields[index]
            let name = String(cString: field.name) + (field.label == PROTOBUF_C_LABEL_REPEATED ? "[0]" : "")
            let number = field.id
            if field.type == PROTOBUF_C_TYPE_STRING {
                paths.append((name, { Self.field(number, $0) }))
            } else if field.type == PROTOBUF_C_TYPE_MESSAGE {
                let nested = field.descriptor.assumingMemoryBound(to: ProtobufCMessageDescriptor.self)
                for (path, wrap) in stringPaths(nested, depth: depth + 1) {
                    paths.append((name + "." + path, { Self.field(number, wrap($0)) }))
                }
            }
        }
        return paths
    }

    /// A length-delimited field on the wire.
    static func field(_ number: UInt32, _ bytes: [UInt8]) -> [UInt8] {
        varint(UInt64(number) << 3 | 2) + varint(UInt64(bytes.count)) + bytes
    }

    static func varint(_ value: UInt64) -> [UInt8] {
        var value = value
        var bytes: [UInt8] = []
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7f) | 0x80)
            value >>= 7
        }
        return bytes + [UInt8(value)]
    }
}
