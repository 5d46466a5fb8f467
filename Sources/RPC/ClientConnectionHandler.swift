import CLVProto
import NIOCore

/// Matches responses to the calls in flight on one client connection. Confined to its event loop.
final class ClientConnectionHandler: ChannelInboundHandler, BatchedFlushing {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = Frame

    /// Who waits for a call's responses.
    enum Waiter {
        case unary(CheckedContinuation<CallResponse, any Error>)
        case stream(AsyncThrowingStream<CallResponse, any Error>.Continuation)

        func fail(_ error: RPCError) {
            switch self {
            case .unary(let continuation): continuation.resume(throwing: error)
            case .stream(let continuation): continuation.finish(throwing: error)
            }
        }
    }

    private struct PendingCall {
        let waiter: Waiter
        var deadlineTimer: Scheduled<Void>?
    }

    private var calls: [UInt64: PendingCall] = [:]
    private var context: ChannelHandlerContext?
    private var eventLoop: (any EventLoop)!
    var flushes = FlushBatcher()
    /// Set once the connection is gone; later calls fail with it at once.
    private var closedError: RPCError?
    /// The last connection-level error the server sent on call_id 0.
    private var connectionError: RPCError?

    private var loopBoundSelf: NIOLoopBound<ClientConnectionHandler> {
        NIOLoopBound(self, eventLoop: eventLoop)
    }

    var flushContext: ChannelHandlerContext? { context }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        self.eventLoop = context.eventLoop
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    /// Sends the request and remembers who waits for its answer.
    func start(callID: UInt64, request: CallRequest, waiter: Waiter, timeout: Duration?) {
        guard let context, closedError == nil else {
            waiter.fail(closedError ?? RPCError(code: .unavailable, message: "connection is closed"))
            return
        }
        var call = PendingCall(waiter: waiter)
        if let timeout {
            let handler = loopBoundSelf
            call.deadlineTimer = eventLoop.scheduleTask(in: TimeAmount(timeout)) {
                handler.value.abandon(callID: callID, with: RPCError(code: .deadlineExceeded, message: "deadline exceeded"))
            }
        }
        calls[callID] = call
        context.write(wrapOutboundOut(Frame(callID: callID, kind: .request(request))), promise: nil)
        flushAfterWrite()
    }

    /// Gives up on a call (cancelled or past its deadline) and tells the server to stop its work.
    func abandon(callID: UInt64, with error: RPCError) {
        guard let call = calls.removeValue(forKey: callID) else { return }
        call.deadlineTimer?.cancel()
        call.waiter.fail(error)
        context?.write(wrapOutboundOut(Frame(callID: callID, kind: .cancel)), promise: nil)
        flushAfterWrite()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let frame = try? unwrapInboundIn(data).decodeFrame(), case .response(let response) = frame.kind else {
            connectionError = RPCError(code: .internal, message: "server sent a frame that is not a response")
            context.close(promise: nil)
            return
        }
        guard frame.callID != 0 else {
            connectionError = RPCError(status: response.status)
            return
        }
        guard let call = calls[frame.callID] else { return }  // a call already abandoned
        switch call.waiter {
        case .unary(let continuation):
            calls.removeValue(forKey: frame.callID)
            call.deadlineTimer?.cancel()
            continuation.resume(returning: response)
        case .stream(let continuation):
            continuation.yield(response)
            if response.endOfStream {
                calls.removeValue(forKey: frame.callID)
                call.deadlineTimer?.cancel()
                continuation.finish()
            }
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        let reason = connectionError.map { "connection closed by the server: \($0.code): \($0.message)" }
        let error = RPCError(code: .unavailable, message: reason ?? "connection closed")
        closedError = error
        let pending = calls
        calls.removeAll()
        for call in pending.values {
            call.deadlineTimer?.cancel()
            call.waiter.fail(error)
        }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

}
