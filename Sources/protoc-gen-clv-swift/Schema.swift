/// The parameters given with `--clv-swift_opt`.
struct GeneratorOptions {
    enum Part: String {
        case messages, services
    }

    var part: Part = .messages
    var naming = SwiftNaming(acronyms: [])

    struct InvalidParameter: Error, CustomStringConvertible {
        let description: String
    }

    init(parameter: String) throws {
        for item in parameter.split(separator: ",") where !item.isEmpty {
            let pair = item.split(separator: "=", maxSplits: 1).map(String.init)
            switch (pair.first, pair.count == 2 ? pair[1] : nil) {
            case ("part", let value?):
                guard let part = Part(rawValue: value) else {
                    throw InvalidParameter(description: "part must be messages or services, not \(value)")
                }
                self.part = part
            case ("acronyms", let value?):
                naming = SwiftNaming(acronyms: value.split(separator: "+").map(String.init))
            default:
                throw InvalidParameter(description: "unknown parameter \(item): expected part=... or acronyms=...")
            }
        }
    }
}

/// Every message and enum of the request, by full name, with its Swift and C names.
struct Schema {
    struct MessageType {
        var message: MessageDeclaration
        /// Qualified within the module: `HealthCheckResponse.ServingStatus`.
        var swiftName: String
        /// protobuf-c's struct: `Clv__Ingestion__V1__Order`.
        var cType: String
        /// protobuf-c's function prefix: `clv__ingestion__v1__order`.
        var cFunctions: String
    }

    struct EnumType {
        var protoEnum: EnumDeclaration
        var swiftName: String
        var cType: String
        /// Swift case names of the values, parallel to `protoEnum.values`.
        var caseNames: [String]
    }

    struct GenerationError: Error, CustomStringConvertible {
        let description: String
    }

    var files: [FileDeclaration]
    var naming: SwiftNaming
    private(set) var messages: [String: MessageType] = [:]
    private(set) var enums: [String: EnumType] = [:]

    init(files: [FileDeclaration], options: GeneratorOptions) throws {
        self.files = files
        naming = options.naming
        for file in files {
            for message in file.messages { try add(message, swiftScope: nil, prefix: file.swiftPrefix) }
            for protoEnum in file.enums { try add(protoEnum, swiftScope: nil, prefix: file.swiftPrefix) }
        }
    }

    private mutating func add(_ message: MessageDeclaration, swiftScope: String?, prefix: String) throws {
        let swiftName = swiftScope.map { "\($0).\(SwiftNaming.typeName(message.name))" } ?? prefix + SwiftNaming.typeName(message.name)
        guard messages["." + message.fullName] == nil else {
            throw GenerationError(description: "\(message.fullName) is defined twice")
        }
        messages["." + message.fullName] = MessageType(
            message: message, swiftName: swiftName, cType: CNaming.typeName(message.fullName),
            cFunctions: CNaming.functionPrefix(message.fullName))
        for nested in message.messages { try add(nested, swiftScope: swiftName, prefix: prefix) }
        for nested in message.enums { try add(nested, swiftScope: swiftName, prefix: prefix) }
    }

    private mutating func add(_ protoEnum: EnumDeclaration, swiftScope: String?, prefix: String) throws {
        let swiftName = swiftScope.map { "\($0).\(SwiftNaming.typeName(protoEnum.name))" } ?? prefix + SwiftNaming.typeName(protoEnum.name)
        enums["." + protoEnum.fullName] = EnumType(
            protoEnum: protoEnum, swiftName: swiftName, cType: CNaming.typeName(protoEnum.fullName),
            caseNames: naming.caseNames(protoEnum))
    }

    func message(_ typeName: String) throws -> MessageType {
        guard let type = messages[typeName] else { throw GenerationError(description: "unknown message type \(typeName)") }
        return type
    }

    func enumType(_ typeName: String) throws -> EnumType {
        guard let type = enums[typeName] else { throw GenerationError(description: "unknown enum type \(typeName)") }
        return type
    }

    /// The Swift type of one value of the field (an element, for a repeated field).
    func swiftType(of field: FieldDeclaration) throws -> String {
        switch field.kind {
        case .double: "Double"
        case .float: "Float"
        case .int64, .sint64, .sfixed64: "Int64"
        case .uint64, .fixed64: "UInt64"
        case .int32, .sint32, .sfixed32: "Int32"
        case .uint32, .fixed32: "UInt32"
        case .bool: "Bool"
        case .string: "String"
        case .bytes: "[UInt8]"
        case .enum: try enumType(field.typeName).swiftName
        case .message: try message(field.typeName).swiftName
        case .group: throw GenerationError(description: "field \(field.name): groups are not supported")
        }
    }

    /// The map entry message of a map field, if the field is one.
    func mapEntry(_ field: FieldDeclaration) -> MessageDeclaration? {
        guard field.isRepeated, field.kind == .message, let entry = messages[field.typeName], entry.message.isMapEntry else { return nil }
        return entry.message
    }
}
