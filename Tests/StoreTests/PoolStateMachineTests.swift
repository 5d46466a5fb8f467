@testable import Store
import Testing

@Suite("Pool state machine")
struct PoolStateMachineTests {
    typealias Machine = PoolStateMachine<String, String>

    private func leased(_ action: Machine.RequestAction) -> PoolLease<String>? {
        if case .lease(let lease) = action { return lease }
        return nil
    }

    @Test func createsLazilyUpToTheMaximumThenQueues() {
        var machine = Machine(maximum: 2)
        #expect(machine.open == 0)
        guard case .create = leased(machine.request(id: 1, waiter: "a", isCancelled: false)) else {
            Issue.record("expected a slot to create in")
            return
        }
        guard case .create = leased(machine.request(id: 2, waiter: "b", isCancelled: false)) else {
            Issue.record("expected a second slot")
            return
        }
        guard case .wait = machine.request(id: 3, waiter: "c", isCancelled: false) else {
            Issue.record("expected to wait at the maximum")
            return
        }
        #expect(machine.open == 2)
        #expect(machine.waitingCount == 1)
    }

    @Test func servesWaitersFirstInFirstOut() {
        var machine = Machine(maximum: 1)
        _ = machine.request(id: 1, waiter: "first-holder", isCancelled: false)
        _ = machine.request(id: 2, waiter: "w2", isCancelled: false)
        _ = machine.request(id: 3, waiter: "w3", isCancelled: false)
        guard case .resume("w2", .existing("conn")) = machine.release("conn") else {
            Issue.record("the longest waiter should get the connection")
            return
        }
        guard case .resume("w3", .existing("conn")) = machine.release("conn") else {
            Issue.record("then the next one")
            return
        }
        guard case .none = machine.release("conn") else {
            Issue.record("with nobody waiting the connection goes idle")
            return
        }
        #expect(machine.idle == ["conn"])
        guard case .existing("conn") = leased(machine.request(id: 4, waiter: "x", isCancelled: false)) else {
            Issue.record("an idle connection is reused")
            return
        }
    }

    @Test func aDiscardedConnectionFreesItsSlotForTheNextWaiter() {
        var machine = Machine(maximum: 1)
        _ = machine.request(id: 1, waiter: "holder", isCancelled: false)
        _ = machine.request(id: 2, waiter: "w2", isCancelled: false)
        guard case .resume("w2", .create) = machine.release(nil) else {
            Issue.record("the waiter should create a replacement")
            return
        }
        #expect(machine.open == 1)
        guard case .none = machine.release(nil) else {
            Issue.record("a failed creation with no waiter frees the slot")
            return
        }
        #expect(machine.open == 0)
    }

    @Test func cancellationRemovesOnlyThatWaiter() {
        var machine = Machine(maximum: 1)
        _ = machine.request(id: 1, waiter: "holder", isCancelled: false)
        _ = machine.request(id: 2, waiter: "w2", isCancelled: false)
        _ = machine.request(id: 3, waiter: "w3", isCancelled: false)
        #expect(machine.cancel(id: 2) == "w2")
        #expect(machine.cancel(id: 2) == nil)
        guard case .resume("w3", _) = machine.release("conn") else {
            Issue.record("the remaining waiter is served")
            return
        }
        guard case .fail(let error) = machine.request(id: 4, waiter: "late", isCancelled: true) else {
            Issue.record("a cancelled task must not wait")
            return
        }
        #expect(error.kind == .cancelled)
    }

    @Test func closingFailsWaitersAndClosesConnectionsAsTheyComeBack() {
        var machine = Machine(maximum: 2)
        _ = machine.request(id: 1, waiter: "a", isCancelled: false)
        _ = machine.request(id: 2, waiter: "b", isCancelled: false)
        _ = machine.release("idle-one")
        _ = machine.request(id: 3, waiter: "c", isCancelled: false)  // takes idle-one
        _ = machine.request(id: 4, waiter: "d", isCancelled: false)  // waits
        let (idle, waiters) = machine.close()
        #expect(idle.isEmpty)
        #expect(waiters == ["d"])
        guard case .close("busy") = machine.release("busy") else {
            Issue.record("a connection returned after close is closed")
            return
        }
        guard case .fail(let error) = machine.request(id: 5, waiter: "e", isCancelled: false) else {
            Issue.record("a closed pool refuses checkouts")
            return
        }
        #expect(error.kind == .closed)
        #expect(machine.open == 1)
    }
}
