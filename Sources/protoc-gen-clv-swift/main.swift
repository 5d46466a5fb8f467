// protoc-gen-clv-swift: protoc's plugin for clv's Swift. protoc writes a CodeGeneratorRequest to
// standard input and reads a CodeGeneratorResponse from standard output; both are decoded and
// encoded with protobuf-c, from plugin.proto's generated C.
//
// Parameters (`--clv-swift_opt`): `part=messages` (value types and their protobuf-c
// conversions, `<file>.pb.swift`) or `part=services` (descriptors, clients and server protocols,
// `<file>.rpc.swift`); `acronyms=ID+URL+...`, words written in capitals in Swift names.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// All of standard input.
func readStandardInput() -> [UInt8] {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
        if count < 0, errno == EINTR { continue }
        guard count > 0 else { break }
        bytes.append(contentsOf: chunk[0..<count])
    }
    return bytes
}

func writeStandardOutput(_ bytes: [UInt8]) {
    var offset = 0
    while offset < bytes.count {
        let written = bytes[offset...].withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
        if written < 0, errno == EINTR { continue }
        guard written > 0 else { exit(1) }
        offset += written
    }
}

let response: PluginResponse
do {
    let request = try PluginRequest(decoding: readStandardInput())
    let options = try GeneratorOptions(parameter: request.parameter)
    let schema = try Schema(files: request.protoFiles, options: options)
    var files: [PluginResponse.File] = []
    for name in request.filesToGenerate {
        guard let file = schema.files.first(where: { $0.name == name }) else { continue }
        if let output = try SwiftFileGenerator(file: file, schema: schema, part: options.part).generate() {
            files.append(output)
        }
    }
    response = PluginResponse(files: files, error: nil)
} catch {
    response = PluginResponse(files: [], error: "\(error)")
}
writeStandardOutput(response.serialized())
