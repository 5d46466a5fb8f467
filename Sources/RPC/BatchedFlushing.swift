import NIOCore

/// A connection handler whose writes are flushed per `FlushBatcher`. Used on its event loop only.
protocol BatchedFlushing: AnyObject, SendableMetatype {
    var flushes: FlushBatcher { get set }
    /// The handler's context while it is in a pipeline.
    var flushContext: ChannelHandlerContext? { get }
}

extension BatchedFlushing {
    /// Call after each write: flushes now, at the end of this event-loop tick, or not yet.
    func flushAfterWrite() {
        guard let context = flushContext else { return }
        switch flushes.didWrite() {
        case .flush:
            context.flush()
        case .schedule:
            let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
            context.eventLoop.execute {
                guard handler.value.flushes.scheduledFlushRuns() else { return }
                handler.value.flushContext?.flush()
            }
        case .none:
            break
        }
    }
}
