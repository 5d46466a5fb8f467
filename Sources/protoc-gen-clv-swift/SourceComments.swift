import CLVProtoC
import CProtobufC

/// The comments protoc keeps in SourceCodeInfo, by descriptor path.
struct SourceComments {
    private var byPath: [[Int32]: String] = [:]

    init(_ info: UnsafeMutablePointer<Google__Protobuf__SourceCodeInfo>?) {
        guard let info else { return }
        for location in C.messages(info.pointee.location, info.pointee.n_location) {
            let path = location.path.map { Array(UnsafeBufferPointer(start: $0, count: location.n_path)) } ?? []
            let text = [C.string(location.leading_comments), C.string(location.trailing_comments)]
                .map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }.joined(separator: "\n")
            if !text.isEmpty { byPath[path] = text }
        }
    }

    subscript(path: [Int32]) -> String { byPath[path] ?? "" }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
