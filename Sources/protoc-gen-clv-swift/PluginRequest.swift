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

/// What protoc asks for: the files to generate and every file they depend on, as descriptors.
struct PluginRequest {
    var filesToGenerate: [String]
    var parameter: String
    var protoFiles: [ProtoFile]

    struct DecodingError: Error, CustomStringConvertible {
        var description: String { "standard input is not a CodeGeneratorRequest" }
    }

    init(decoding bytes: [UInt8]) throws {
        let decoded = bytes.withUnsafeBufferPointer { buffer in
            var empty: UInt8 = 0
            return google__protobuf__compiler__code_generator_request__unpack(nil, buffer.count, buffer.baseAddress ?? withUnsafeMutablePointer(to: &empty) { UnsafePointer($0) })
        }
        guard let decoded else { throw DecodingError() }
        defer { google__protobuf__compiler__code_generator_request__free_unpacked(decoded, nil) }
        let c = decoded.pointee
        filesToGenerate = C.strings(c.file_to_generate, c.n_file_to_generate)
        parameter = C.string(c.parameter)
        protoFiles = C.messages(c.proto_file, c.n_proto_file).map(ProtoFile.init(c:))
    }
}

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
