import CLibPQ
import Logging

extension PGConnection {
    /// Makes the connection fit for the next checkout: rolls back a transaction the body left
    /// open or aborted. Returns false when it must be discarded instead.
    func prepareForReuse(logger: Logger) -> Bool {
        savepointDepth = 0
        guard isConnected else { return false }
        let status = PQtransactionStatus(handle)
        if status == PQTRANS_IDLE { return true }
        guard status == PQTRANS_INTRANS || status == PQTRANS_INERROR else {
            return false  // a statement or COPY still in progress: no safe way back
        }
        logger.warning("a connection was returned inside a transaction; rolling it back")
        do {
            try executeCleanup("ROLLBACK")
        } catch {
            return false
        }
        return isConnected && PQtransactionStatus(handle) == PQTRANS_IDLE
    }
}
