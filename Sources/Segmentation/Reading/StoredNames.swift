import CLVProto

/// The names a generated enum's values are stored under, found from a cell's bytes without
/// making a String or hashing one: a linear look over a dozen names, shortest test first.
struct StoredNames<Value: StoredNaming>: Sendable {
    private let names: [(bytes: [UInt8], value: Value)]

    init() {
        names = Value.allCases.map { (Array($0.name.utf8), $0) }
    }

    /// The value stored as `bytes`, if any.
    func value(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        for name in names where name.bytes.count == bytes.count {
            if name.bytes.withUnsafeBufferPointer({ $0.hasSameBytes(as: bytes) }) { return name.value }
        }
        return nil
    }
}

/// The tables of the enums a member row names.
enum StoredName {
    static let segments = StoredNames<Segment>()
    static let stages = StoredNames<CLVProto.LifecycleStage>()
    static let tiers = StoredNames<CLVProto.ValueTier>()
    static let warnings = StoredNames<CLVProto.WarningCode>()
    static let drivers = StoredNames<CLVProto.ChurnDriver>()
}

/// The generated enums' lower-case names, as a requirement.
protocol StoredNaming: CaseIterable, Sendable { var name: String { get } }
extension Segment: StoredNaming {}
extension CLVProto.LifecycleStage: StoredNaming {}
extension CLVProto.ValueTier: StoredNaming {}
extension CLVProto.WarningCode: StoredNaming {}
extension CLVProto.ChurnDriver: StoredNaming {}
