/// What a checkout receives from the pool: an idle connection, or the right to create one
/// (a slot already counted against the pool's maximum).
enum PoolLease<Connection> {
    case existing(Connection)
    case create
}

extension PoolLease: Sendable where Connection: Sendable {}
