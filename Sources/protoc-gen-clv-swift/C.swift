import CProtobufC

/// Reading protobuf-c's decoded descriptor structs.
enum C {
    static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    static func strings(_ pointer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ count: Int) -> [String] {
        guard let pointer else { return [] }
        return (0..<count).map { string(pointer[$0]) }
    }

    static func messages<T>(_ pointer: UnsafeMutablePointer<UnsafeMutablePointer<T>?>?, _ count: Int) -> [T] {
        guard let pointer else { return [] }
        return (0..<count).compactMap { pointer[$0]?.pointee }
    }

    static func bool(_ value: protobuf_c_boolean) -> Bool { value != 0 }
}
