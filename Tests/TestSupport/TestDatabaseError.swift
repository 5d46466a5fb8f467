/// Why no test database could be had, and how to get one.
public struct TestDatabaseError: Error, CustomStringConvertible {
    public let reason: String

    init(_ reason: String) {
        self.reason = reason
    }

    public var description: String {
        """
        \(reason)
        To run the database tests, either install the PostgreSQL server \
        (Debian/Ubuntu: apt-get install postgresql; the tests start a throwaway cluster with initdb/pg_ctl, \
        and as root they run it as the 'postgres' user), or set \(TestDatabase.urlVariable)=postgresql://user:pass@host:port/db \
        to a server where that user may CREATE DATABASE.
        """
    }
}
