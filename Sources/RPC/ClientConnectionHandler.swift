import CLVProto
import NIOCore

/// Matches responses to the calls in flight on one client connection. Confined to its event loop.
final class ClientConnectionHandler: ChannelInboundHandler, BatchedFlushing {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = CallFrame

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
    /// The last connection-level error the server sent on call_id 0, or why the peer is no clv server.
    private var connectionError: RPCError?
    /// Whether the peer has sent one well-formed response: until then, garbage or a silent close
    /// most likely means the address is some other server's.
    private var answered = false
    /// `HOST:PORT` of the peer, for messages.
    private var peer = "the server"

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

    func channelActive(context: ChannelHandlerContext) {
        if let address = context.channel.remoteAddress, let ip = address.ipAddress, let port = address.port {
            peer = HostAndPort(host: ip, port: port).description
        }
        context.fireChannelActive()
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
        context.write(wrapOutboundOut(CallFrame(callID: callID, kind: .request(request))), promise: nil)
        flushAfterWrite()
    }

    /// Gives up on a call (cancelled or past its deadline) and tells the server to stop its work.
    func abandon(callID: UInt64, with error: RPCError) {
        guard let call = calls.removeValue(forKey: callID) else { return }
        call.deadlineTimer?.cancel()
        call.waiter.fail(error)
        context?.write(wrapOutboundOut(CallFrame(callID: callID, kind: .cancel(CallCancel()))), promise: nil)
        flushAfterWrite()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let frame = try? unwrapInboundIn(data).decodeFrame(), case .response(let response) = frame.kind else {
            connectionError = answered
                ? RPCError(code: .unavailable, message: "\(peer) sent a frame that is not a response")
                : notClv
            context.close(promise: nil)
            return
        }
        answered = true
        guard frame.callID != 0 else {
            connectionError = RPCError(status: response.outcome)
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
        let error: RPCError
        if let connectionError, connectionError.code == .unavailable {
            error = connectionError
        } else if let connectionError {
            error = RPCError(code: .unavailable, message: "connection closed by \(peer): \(connectionError.code): \(connectionError.message)")
        } else if !answered && !calls.isEmpty {
            error = RPCError(code: .unavailable, message: "\(peer) closed the connection without answering — is it a clv-server, and still running?")
        } else {
            error = RPCError(code: .unavailable, message: "connection to \(peer) closed")
        }
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
        if connectionError == nil {
            if !answered {
                connectionError = notClv
            } else if let error = error as? FrameTooLargeError {
                connectionError = RPCError(code: .unavailable, message: "\(peer) sent a \(error)")
            }
        }
        context.close(promise: nil)
    }

    /// What bytes that are no clv frame, before any answer, mean to the user.
    private var notClv: RPCError {
        RPCError(code: .unavailable, message: "\(peer) does not speak the clv protocol — is this a clv-server's address?")
    }

}
