import CLVProtoC
import CProtobufC

extension Frame: ProtoMessage {
    public init(decoding bytes: UnsafeRawBufferPointer) throws(ProtoDecodingError) {
        self = try CRead.unpack(
            bytes, messageName: "clv.rpc.v1.Frame",
            unpack: clv__rpc__v1__frame__unpack, free: clv__rpc__v1__frame__free_unpacked
        ) { Frame(c: $0.pointee) }
    }

    public func withEncoder<R>(_ body: (borrowing ProtoEncoder) throws -> R) rethrows -> R {
        let arena = CArena()
        return try arena.encode(cMessage(in: arena), body)
    }

    init(c: Clv__Rpc__V1__Frame) {
        callID = c.call_id
        switch c.kind_case {
        case CLV__RPC__V1__FRAME__KIND_REQUEST:
            kind = c.request.map { .request(CallRequest(c: $0.pointee)) } ?? .none
        case CLV__RPC__V1__FRAME__KIND_RESPONSE:
            kind = c.response.map { .response(CallResponse(c: $0.pointee)) } ?? .none
        case CLV__RPC__V1__FRAME__KIND_CANCEL:
            kind = .cancel
        default:
            kind = .none
        }
    }

    func cMessage(in arena: CArena) -> UnsafeMutablePointer<Clv__Rpc__V1__Frame> {
        let frame = arena.message(Clv__Rpc__V1__Frame.self, clv__rpc__v1__frame__init)
        frame.pointee.call_id = callID
        switch kind {
        case .request(let request):
            frame.pointee.kind_case = CLV__RPC__V1__FRAME__KIND_REQUEST
            frame.pointee.request = request.cMessage(in: arena)
        case .response(let response):
            frame.pointee.kind_case = CLV__RPC__V1__FRAME__KIND_RESPONSE
            frame.pointee.response = response.cMessage(in: arena)
        case .cancel:
            frame.pointee.kind_case = CLV__RPC__V1__FRAME__KIND_CANCEL
            frame.pointee.cancel = arena.message(Clv__Rpc__V1__Cancel.self, clv__rpc__v1__cancel__init)
        case .none:
            frame.pointee.kind_case = CLV__RPC__V1__FRAME__KIND__NOT_SET
        }
        return frame
    }
}
