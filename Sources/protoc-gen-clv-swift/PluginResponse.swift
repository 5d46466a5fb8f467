#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

import CLVProtoC
import CProtobufC
import CProtocPlugin

/// What the plugin answers: the generated files, or why it could not generate them.
struct PluginResponse {
    struct File {
        var name: String
        var content: String
    }

    var files: [File]
    var error: String?

    func serialized() -> [UInt8] {
        var allocations: [UnsafeMutableRawPointer] = []
        defer { allocations.forEach { free($0) } }
        func string(_ value: String) -> UnsafeMutablePointer<CChar> {
            let pointer = strdup(value)!
            allocations.append(UnsafeMutableRawPointer(pointer))
            return pointer
        }
        var response = Google__Protobuf__Compiler__CodeGeneratorResponse()
        google__protobuf__compiler__code_generator_response__init(&response)
        // proto3 `optional` fields are understood: they become Swift optionals.
        response.has_supported_features = 1
        response.supported_features = UInt64(GOOGLE__PROTOBUF__COMPILER__CODE_GENERATOR_RESPONSE__FEATURE__FEATURE_PROTO3_OPTIONAL.rawValue)
        if let error { response.error = string(error) }
        var cFiles = files.map { file -> UnsafeMutablePointer<Google__Protobuf__Compiler__CodeGeneratorResponse__File>? in
            let raw = calloc(1, MemoryLayout<Google__Protobuf__Compiler__CodeGeneratorResponse__File>.stride)!
            allocations.append(raw)
            let pointer = raw.bindMemory(to: Google__Protobuf__Compiler__CodeGeneratorResponse__File.self, capacity: 1)
            google__protobuf__compiler__code_generator_response__file__init(pointer)
            pointer.pointee.name = string(file.name)
            pointer.pointee.content = string(file.content)
            return pointer
        }
        return cFiles.withUnsafeMutableBufferPointer { buffer in
            response.n_file = buffer.count
            response.file = buffer.baseAddress
            let size = google__protobuf__compiler__code_generator_response__get_packed_size(&response)
            return [UInt8](unsafeUninitializedCapacity: size) { bytes, count in
                count = google__protobuf__compiler__code_generator_response__pack(&response, bytes.baseAddress)
            }
        }
    }
}
