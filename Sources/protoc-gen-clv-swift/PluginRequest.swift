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
    var protoFiles: [FileDeclaration]

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
        protoFiles = C.messages(c.proto_file, c.n_proto_file).map(FileDeclaration.init(c:))
    }
}
