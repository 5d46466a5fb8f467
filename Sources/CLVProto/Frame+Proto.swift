import CLVProtoC
import CProtobufC

extension Frame: CMessageConvertible {
    static let protoName = "clv.rpc.v1.Frame"
    static let unpack = clv__rpc__v1__frame__unpack
    static let freeUnpacked = clv__rpc__v1__frame__free_unpacked

    init(c pointer: UnsafePointer<Clv__Rpc__V1__Frame>) {
        let c = pointer.pointee
        callID = c.call_id
        switch c.kind_case {
        case CLV__RPC__V1__FRAME__KIND_REQUEST:
            kind = c.request.map { .request(CallRequest(c: $0)) } ?? .none
        case CLV__RPC__V1__FRAME__KIND_RESPONSE:
            kind = c.response.map { .response(CallResponse(c: $0)) } ?? .none
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
