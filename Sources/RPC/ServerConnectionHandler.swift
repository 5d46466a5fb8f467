import CLVProto
import Logging
import NIOCore

/// Serves the calls of one connection: starts each request's handler as a task, answers in any
/// order, enforces deadlines and cancels. Confined to its channel's event loop.
final class ServerConnectionHandler: ChannelInboundHandler, BatchedFlushing {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = CallFrame

    private struct InFlightCall {
        var task: Task<Void, Never>?
        var deadlineTimer: Scheduled<Void>?
    }

    private let router: RPCRouter
    private let dispatcher: CallDispatcher
    private let logger: Logger
    private var calls: [UInt64: InFlightCall] = [:]
    private var context: ChannelHandlerContext?
    private var eventLoop: (any EventLoop)!
    /// Where the connection's handler tasks run: its own event loop.
    private var taskExecutor: EventLoopTaskExecutor!
    private var remoteAddress = "unknown"
    var flushes = FlushBatcher()
    private var isDraining = false
    private var drained: EventLoopPromise<Void>?

    init(router: RPCRouter, dispatcher: CallDispatcher, logger: Logger) {
        self.router = router
        self.dispatcher = dispatcher
        self.logger = logger
    }

    private var loopBoundSelf: NIOLoopBound<ServerConnectionHandler> {
        NIOLoopBound(self, eventLoop: eventLoop)
    }

    var flushContext: ChannelHandlerContext? { context }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        self.eventLoop = context.eventLoop
        self.taskExecutor = EventLoopTaskExecutor(eventLoop: context.eventLoop)
        if let address = context.channel.remoteAddress {
            remoteAddress = "\(address.ipAddress ?? "?"):\(address.port ?? 0)"
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame: CallFrame
        do {
            frame = try unwrapInboundIn(data).decodeFrame()
        } catch {
            // A method or metadata string that is no valid text says which; other garbage, that it is.
            let message = error.field == nil ? "frame does not decode as clv.rpc.v1.Frame" : error.description
            failConnection(context: context, code: .invalidArgument, message: message)
            return
        }
        switch frame.kind {
        case .request(let request):
            startCall(frame.callID, request, context: context)
        case .cancel:
            endCall(frame.callID, with: RPCError(code: .cancelled, message: "call cancelled by the client"))
        case .response:
            sendConnectionError(code: .invalidArgument, message: "clients send requests and cancels, not responses")
        case .none:
            sendConnectionError(code: .invalidArgument, message: "frame \(frame.callID) carries no request, response or cancel")
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        for call in calls.values {
            call.task?.cancel()
            call.deadlineTimer?.cancel()
        }
        calls.removeAll()
        drained?.succeed(())
        drained = nil
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let error = error as? FrameTooLargeError {
            failConnection(context: context, code: .resourceExhausted, message: error.description)
        } else {
            logger.debug("connection error", metadata: ["peer": "\(remoteAddress)", "error": "\(error)"])
            context.close(promise: nil)
        }
    }

    // MARK: Calls

    private func startCall(_ callID: UInt64, _ request: CallRequest, context: ChannelHandlerContext) {
        guard callID != 0 else {
            sendConnectionError(code: .invalidArgument, message: "call_id 0 is reserved")
            return
        }
        guard calls[callID] == nil else {
            sendConnectionError(code: .invalidArgument, message: "call_id \(callID) is already in flight")
            return
        }
        guard !isDraining else {
            write(RPCError(code: .unavailable, message: "server is shutting down").status, payload: [], callID: callID)
            return
        }
        guard let method = router.method(named: request.method) else {
            write(RPCError(code: .unimplemented, message: "unknown method \(request.method)").status, payload: [], callID: callID)
            return
        }

        let timeout = request.timeoutMs
        let callContext = ServerCallContext(
            method: method.descriptor, scope: method.descriptor.scope, metadata: request.metadata,
            deadline: timeout > 0 ? .now + .milliseconds(timeout) : nil,
            callID: callID, remoteAddress: remoteAddress, serverLogger: logger)

        let handler = loopBoundSelf
        let dispatcher = self.dispatcher
        let sink = ConnectionCallSink(callID: callID, handler: handler)
        let payload = request.payload
        var call = InFlightCall()
        if timeout > 0 {
            call.deadlineTimer = context.eventLoop.scheduleTask(in: .milliseconds(Int64(timeout))) {
                handler.value.endCall(callID, with: RPCError(code: .deadlineExceeded, message: "deadline of \(timeout) ms exceeded"))
            }
        }
        // Registered before the task can finish: its completion hops back to this loop.
        calls[callID] = call
        calls[callID]?.task = Task(executorPreference: taskExecutor) {
            let outcome: Result<[UInt8]?, RPCError>
            do {
                outcome = .success(try await dispatcher.run(method, payload: payload, context: callContext, sink: sink))
            } catch {
                outcome = .failure(RPCError(from: error))
            }
            // Usually already on the loop (the task prefers it), unless the handler moved elsewhere.
            if handler.eventLoop.inEventLoop {
                handler.value.finishCall(outcome, context: callContext)
            } else {
                handler.eventLoop.execute { handler.value.finishCall(outcome, context: callContext) }
            }
        }
    }

    /// The handler returned or threw.
    private func finishCall(_ outcome: Result<[UInt8]?, RPCError>, context: ServerCallContext) {
        switch outcome {
        case .success(let payload):
            endCall(context.callID, status: CallStatus(code: 0), payload: payload ?? [])
        case .failure(let error):
            if error.code == .internal || error.code == .unknown {
                logger.error("call failed", metadata: context.logMetadata.merging(["error": "\(error)"]) { $1 })
            }
            endCall(context.callID, status: error.status, payload: [])
        }
    }

    /// Ends a call from outside its handler (deadline, cancel): stops its work and answers.
    private func endCall(_ callID: UInt64, with error: RPCError) {
        calls[callID]?.task?.cancel()
        endCall(callID, status: error.status, payload: [])
    }

    /// Sends a call's terminal response, unless it has already ended.
    private func endCall(_ callID: UInt64, status: CallStatus, payload: [UInt8]) {
        guard let call = calls.removeValue(forKey: callID) else { return }
        call.deadlineTimer?.cancel()
        write(status, payload: payload, callID: callID)
        if isDraining && calls.isEmpty {
            drained?.succeed(())
            drained = nil
        }
    }

    /// One message of a streaming call; the future completes when the connection can take more.
    func sendMessage(callID: UInt64, payload: [UInt8]) -> EventLoopFuture<Void> {
        guard let context, calls[callID] != nil else {
            return eventLoop.makeFailedFuture(CancellationError())
        }
        let frame = CallFrame(callID: callID, kind: .response(CallResponse(payload: payload, endOfStream: false)))
        if context.channel.isWritable {
            context.write(wrapOutboundOut(frame), promise: nil)
            flushAfterWrite()
            return context.eventLoop.makeSucceededVoidFuture()
        }
        let promise = context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(wrapOutboundOut(frame), promise: promise)
        return promise.futureResult
    }

    private func write(_ status: CallStatus, payload: [UInt8], callID: UInt64) {
        guard let context else { return }
        // An OK status with nothing else is left out: it is the default, and the wire stays as it was.
        let response = CallResponse(status: status == CallStatus() ? nil : status, payload: payload, endOfStream: true)
        context.write(wrapOutboundOut(CallFrame(callID: callID, kind: .response(response))), promise: nil)
        flushAfterWrite()
    }

    // MARK: Connection-level errors

    /// Answers on call_id 0; the connection stays open.
    private func sendConnectionError(code: RPCStatusCode, message: String) {
        logger.debug("protocol error", metadata: ["peer": "\(remoteAddress)", "error": "\(message)"])
        write(RPCError(code: code, message: message).status, payload: [], callID: 0)
    }

    /// Answers on call_id 0, then closes the connection.
    private func failConnection(context: ChannelHandlerContext, code: RPCStatusCode, message: String) {
        logger.info("closing connection", metadata: ["peer": "\(remoteAddress)", "error": "\(message)"])
        let response = CallResponse(status: RPCError(code: code, message: message).status, endOfStream: true)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(CallFrame(callID: 0, kind: .response(response)))).whenComplete { _ in
            channel.close(promise: nil)
        }
    }

    // MARK: Graceful shutdown

    /// Refuses new calls; the future completes once the calls in flight have ended.
    func startDraining() -> EventLoopFuture<Void> {
        isDraining = true
        if calls.isEmpty { return eventLoop.makeSucceededVoidFuture() }
        let promise = drained ?? eventLoop.makePromise(of: Void.self)
        drained = promise
        return promise.futureResult
    }
}
