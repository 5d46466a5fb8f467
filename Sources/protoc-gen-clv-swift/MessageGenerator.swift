/// Swift value types for a file's messages and enums, and their conversions to and from
/// protobuf-c's structs (internal to the module, so C pointers never leave it).
struct MessageGenerator {
    let schema: Schema

    private var naming: SwiftNaming { schema.naming }

    func generate(_ file: FileDeclaration, into writer: inout SourceWriter) throws {
        for protoEnum in file.enums {
            writer.line()
            try enumDeclaration(protoEnum, into: &writer)
        }
        for message in file.messages {
            writer.line()
            try messageDeclaration(message, into: &writer)
        }
        let messages = Self.flattened(file.messages).filter { !$0.isMapEntry }
        writer.line()
        writer.line("/// The messages of \(file.name), for code that walks every message (tests, tools).")
        try writer.block("public enum \(Self.fileNamespace(file))") { writer in
            let types = try messages.map { try schema.message("." + $0.fullName).swiftName + ".self" }
            writer.line("public static let messageTypes: [any ProtoMessage.Type] = [")
            writer.indented { writer in types.forEach { writer.line($0 + ",") } }
            writer.line("]")
        }
        for message in messages {
            writer.line()
            try conversion(message, into: &writer)
        }
    }

    /// `clv/ingestion/v1/ingestion.proto` → `IngestionProto`.
    static func fileNamespace(_ file: FileDeclaration) -> String {
        let base = file.name.split(separator: "/").last.map(String.init) ?? file.name
        let stem = base.hasSuffix(".proto") ? String(base.dropLast(6)) : base
        return SwiftNaming.words(stem).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined() + "Proto"
    }

    private static func flattened(_ messages: [MessageDeclaration]) -> [MessageDeclaration] {
        messages.flatMap { [$0] + flattened($0.messages) }
    }

    // MARK: Declarations

    /// A struct member: a field, or a oneof standing for its fields.
    private enum Member {
        case field(FieldDeclaration)
        case oneof(name: String, fields: [FieldDeclaration])
    }

    private func members(_ message: MessageDeclaration) -> [Member] {
        let oneofs = Set(message.realOneofIndices)
        var members: [Member] = []
        var seen: Set<Int> = []
        for field in message.fields {
            if let index = field.oneofIndex, oneofs.contains(index) {
                guard seen.insert(index).inserted else { continue }
                members.append(.oneof(name: message.oneofs[index], fields: message.fields.filter { $0.oneofIndex == index }))
            } else {
                members.append(.field(field))
            }
        }
        return members
    }

    private func messageDeclaration(_ message: MessageDeclaration, into writer: inout SourceWriter) throws {
        let type = try schema.message("." + message.fullName)
        if message.fields.contains(where: { !$0.isRepeated && $0.kind == .message && $0.typeName == "." + message.fullName }) {
            throw Schema.GenerationError(description: "\(message.fullName) contains itself: recursive messages are not supported")
        }
        writer.documentation(message.comment.isEmpty ? "`\(message.fullName)`." : message.comment)
        let name = type.swiftName.split(separator: ".").last.map(String.init)!
        try writer.block("public struct \(name): Sendable, Hashable") { writer in
            var parameters: [String] = []
            var assignments: [String] = []
            for member in members(message) {
                let (property, swiftType, initial, comment) = try declaration(member, in: type)
                writer.documentation(comment)
                writer.line("public var \(SwiftNaming.escaped(property)): \(swiftType)")
                parameters.append("\(SwiftNaming.escaped(property)): \(swiftType) = \(initial)")
                assignments.append("self.\(SwiftNaming.escaped(property)) = \(SwiftNaming.escaped(property))")
            }
            if !parameters.isEmpty { writer.line() }
            if parameters.isEmpty {
                writer.line("public init() {}")
            } else {
                writer.line("public init(")
                writer.indented { writer in
                    for (index, parameter) in parameters.enumerated() {
                        writer.line(parameter + (index == parameters.count - 1 ? "" : ","))
                    }
                }
                writer.block(")") { writer in assignments.forEach { writer.line($0) } }
            }
            for member in members(message) {
                guard case .oneof(let oneof, let fields) = member else { continue }
                writer.line()
                try oneofDeclaration(oneof, fields, into: &writer)
            }
            for nested in message.enums {
                writer.line()
                try enumDeclaration(nested, into: &writer)
            }
            for nested in message.messages where !nested.isMapEntry {
                writer.line()
                try messageDeclaration(nested, into: &writer)
            }
        }
    }

    /// Property name, Swift type, default value and comment of a member.
    private func declaration(_ member: Member, in type: Schema.MessageType) throws -> (String, String, String, String) {
        switch member {
        case .oneof(let name, let fields):
            let comment = fields.map { naming.memberName($0.name) }.joined(separator: ", ")
            return (naming.memberName(name), "\(naming.typeName(forOneof: name))?", "nil", "One of \(comment), or none.")
        case .field(let field):
            let name = naming.memberName(field.name)
            if let entry = schema.mapEntry(field) {
                let key = try schema.swiftType(of: entry.fields[0])
                let value = try schema.swiftType(of: entry.fields[1])
                return (name, "[\(key): \(value)]", "[:]", field.comment)
            }
            let element = try schema.swiftType(of: field)
            if field.isRepeated { return (name, "[\(element)]", "[]", field.comment) }
            if field.kind == .message || field.isProto3Optional { return (name, element + "?", "nil", field.comment) }
            return (name, element, try defaultValue(field), field.comment)
        }
    }

    private func defaultValue(_ field: FieldDeclaration) throws -> String {
        switch field.kind {
        case .bool: "false"
        case .string: "\"\""
        case .bytes: "[]"
        case .enum: ".\(SwiftNaming.escaped(try schema.enumType(field.typeName).caseNames[0]))"
        default: "0"
        }
    }

    private func oneofDeclaration(_ name: String, _ fields: [FieldDeclaration], into writer: inout SourceWriter) throws {
        try writer.block("public enum \(naming.typeName(forOneof: name)): Sendable, Hashable") { writer in
            for field in fields {
                writer.documentation(field.comment)
                writer.line("case \(SwiftNaming.escaped(naming.memberName(field.name)))(\(try schema.swiftType(of: field)))")
            }
        }
    }

    private func enumDeclaration(_ protoEnum: EnumDeclaration, into writer: inout SourceWriter) throws {
        let type = try schema.enumType("." + protoEnum.fullName)
        guard let first = protoEnum.values.first, first.number == 0 else {
            throw Schema.GenerationError(description: "\(protoEnum.fullName): the first value must be 0, as proto3 requires")
        }
        // Aliases (allow_alias) name an earlier value's number: static constants, not cases.
        var numbers: Set<Int32> = []
        var cases: [(name: String, value: EnumDeclaration.Value)] = []
        var aliases: [(name: String, target: String)] = []
        for (value, caseName) in zip(protoEnum.values, type.caseNames) {
            if numbers.insert(value.number).inserted {
                cases.append((caseName, value))
            } else if let target = cases.first(where: { $0.value.number == value.number }) {
                aliases.append((caseName, target.name))
            }
        }
        writer.documentation(protoEnum.comment.isEmpty ? "`\(protoEnum.fullName)`." : protoEnum.comment)
        let name = type.swiftName.split(separator: ".").last.map(String.init)!
        writer.block("public enum \(name): RawRepresentable, Sendable, Hashable, CaseIterable") { writer in
            for (caseName, value) in cases {
                writer.documentation(value.comment)
                writer.line("case \(SwiftNaming.escaped(caseName))")
            }
            writer.line("/// A number this version of the contract does not name, kept as it was sent.")
            writer.line("case unrecognized(Int32)")
            for (alias, target) in aliases {
                writer.line()
                writer.line("public static let \(SwiftNaming.escaped(alias)) = \(name).\(SwiftNaming.escaped(target))")
            }
            writer.line()
            writer.line("/// The named values, in declaration order.")
            writer.line("public static let allCases: [\(name)] = [\(cases.map { "." + SwiftNaming.escaped($0.name) }.joined(separator: ", "))]")
            writer.line()
            writer.block("public init(rawValue: Int32)") { writer in
                writer.switchBlock("switch rawValue") { writer in
                    for (caseName, value) in cases { writer.line("case \(value.number): self = .\(SwiftNaming.escaped(caseName))") }
                    writer.line("default: self = .unrecognized(rawValue)")
                }
            }
            writer.line()
            writer.block("public var rawValue: Int32") { writer in
                writer.switchBlock("switch self") { writer in
                    for (caseName, value) in cases { writer.line("case .\(SwiftNaming.escaped(caseName)): \(value.number)") }
                    writer.line("case .unrecognized(let number): number")
                }
            }
            writer.line()
            writer.line("/// The value's name without the enum's prefix, in lower case (`\(Self.snakeName(cases[cases.count - 1].value.name, type))`), as the store,")
            writer.line("/// CSV files and the command line spell it; the number, for an unrecognized value.")
            writer.block("public var name: String") { writer in
                writer.switchBlock("switch self") { writer in
                    for (caseName, value) in cases { writer.line("case .\(SwiftNaming.escaped(caseName)): \"\(Self.snakeName(value.name, type))\"") }
                    writer.line("case .unrecognized(let number): String(number)")
                }
            }
            writer.line()
            writer.line("/// The named value called `name` (in any case), if any.")
            writer.block("public init?(name: String)") { writer in
                writer.line("let lowered = name.lowercased()")
                writer.line("guard let match = Self.allCases.first(where: { $0.name == lowered }) else { return nil }")
                writer.line("self = match")
            }
            writer.line()
            writer.line("/// Equal by number: `.unrecognized(n)` of a named number is that value.")
            writer.block("public static func == (left: \(name), right: \(name)) -> Bool") { writer in
                writer.line("left.rawValue == right.rawValue")
            }
            writer.line()
            writer.block("public func hash(into hasher: inout Hasher)") { writer in
                writer.line("hasher.combine(rawValue)")
            }
        }
    }

    /// `EVENT_TYPE_EMAIL_OPENED` → `email_opened`.
    private static func snakeName(_ valueName: String, _ type: Schema.EnumType) -> String {
        let prefix = SwiftNaming.words(type.protoEnum.name).map { $0.uppercased() }.joined(separator: "_") + "_"
        let stripped = valueName.hasPrefix(prefix) && valueName.count > prefix.count ? String(valueName.dropFirst(prefix.count)) : valueName
        return stripped.lowercased()
    }

    // MARK: Conversions

    private func conversion(_ message: MessageDeclaration, into writer: inout SourceWriter) throws {
        let type = try schema.message("." + message.fullName)
        try writer.block("extension \(type.swiftName): CMessageConvertible") { writer in
            writer.line("public static let protoName = \"\(message.fullName)\"")
            writer.line("static let cDescriptor = CMessageDescriptor(\(type.cType).self, \(type.cFunctions)__init)")
            writer.line()
            try reader(message, type, into: &writer)
            writer.line()
            try encoder(message, type, into: &writer)
        }
    }

    private func reader(_ message: MessageDeclaration, _ type: Schema.MessageType, into writer: inout SourceWriter) throws {
        let members = members(message)
        guard !members.isEmpty else {
            writer.block("init(c _: UnsafePointer<\(type.cType)>)") { writer in writer.line("self.init()") }
            return
        }
        try writer.block("init(c pointer: UnsafePointer<\(type.cType)>)") { writer in
            writer.line("let c = pointer.pointee")
            var arguments: [String] = []
            for member in members {
                switch member {
                case .field(let field):
                    arguments.append("\(SwiftNaming.escaped(naming.memberName(field.name))): \(try read(field))")
                case .oneof(let name, let fields):
                    let local = "_" + naming.memberName(name)
                    let caseType = "\(type.swiftName).\(naming.typeName(forOneof: name))"
                    try writer.switchBlock("let \(local): \(caseType)? = switch c.\(CNaming.memberName(name))_case.rawValue") { writer in
                        for field in fields {
                            let caseName = SwiftNaming.escaped(naming.memberName(field.name))
                            let member = "c.\(CNaming.memberName(field.name))"
                            if field.kind == .message {
                                let swiftType = try schema.swiftType(of: field)
                                writer.line("case \(field.number): \(member).map { .\(caseName)(\(swiftType)(c: $0)) }")
                            } else {
                                writer.line("case \(field.number): .\(caseName)(\(try readValue(field, member)))")
                            }
                        }
                        writer.line("default: nil")
                    }
                    arguments.append("\(SwiftNaming.escaped(naming.memberName(name))): \(local)")
                }
            }
            writer.line("self.init(")
            writer.indented { writer in
                for (index, argument) in arguments.enumerated() {
                    writer.line(argument + (index == arguments.count - 1 ? ")" : ","))
                }
            }
        }
    }

    /// The Swift value of a field that is no oneof member, read from the C struct `c`.
    private func read(_ field: FieldDeclaration) throws -> String {
        let member = "c.\(CNaming.memberName(field.name))"
        let count = "c.n_\(CNaming.memberName(field.name))"
        if let entry = schema.mapEntry(field) {
            let key = try readValue(entry.fields[0], "entry.pointee.key")
            let value = try readMapValue(entry.fields[1])
            return "CRead.map(\(member), count: \(count)) { entry in (\(key), \(value)) }"
        }
        if field.isRepeated {
            switch field.kind {
            case .message:
                return "CRead.array(\(member), count: \(count)) { \(try schema.swiftType(of: field))(c: $0) }"
            case .double, .float, .int64, .sint64, .sfixed64, .uint64, .fixed64, .int32, .sint32, .sfixed32, .uint32, .fixed32:
                return "CRead.values(\(member), count: \(count))"
            default:
                return "CRead.values(\(member), count: \(count)) { \(try readValue(field, "$0")) }"
            }
        }
        if field.kind == .message { return "\(member).map { \(try schema.swiftType(of: field))(c: $0) }" }
        if field.isProto3Optional {
            if field.kind == .string { return "\(member).map { CRead.string($0) }" }
            return "c.has_\(CNaming.memberName(field.name)) != 0 ? \(try readValue(field, member)) : nil"
        }
        return try readValue(field, member)
    }

    private func readMapValue(_ field: FieldDeclaration) throws -> String {
        guard field.kind == .message else { return try readValue(field, "entry.pointee.value") }
        let swiftType = try schema.swiftType(of: field)
        return "entry.pointee.value.map { \(swiftType)(c: $0) } ?? \(swiftType)()"
    }

    /// One value of a scalar, string, bytes or enum field, from the C expression `c`.
    private func readValue(_ field: FieldDeclaration, _ c: String) throws -> String {
        switch field.kind {
        case .string: "CRead.string(\(c))"
        case .bytes: "CRead.bytes(\(c))"
        case .bool: "\(c) != 0"
        case .enum: "\(try schema.swiftType(of: field))(rawValue: Int32(truncatingIfNeeded: \(c).rawValue))"
        default: c
        }
    }

    private func encoder(_ message: MessageDeclaration, _ type: Schema.MessageType, into writer: inout SourceWriter) throws {
        try writer.block("func cMessage(in arena: CArena) -> UnsafeMutablePointer<\(type.cType)>") { writer in
            writer.line("let c = arena.message(\(type.cType).self, \(type.cFunctions)__init)")
            for member in members(message) {
                switch member {
                case .field(let field):
                    try write(field, into: &writer)
                case .oneof(let name, let fields):
                    try writer.switchBlock("switch self.\(SwiftNaming.escaped(naming.memberName(name)))") { writer in
                        for field in fields {
                            writer.line("case .\(SwiftNaming.escaped(naming.memberName(field.name)))(let value)?:")
                            try writer.indented { writer in
                                let caseType = CNaming.oneofCaseType(message: message.fullName, oneof: name)
                                writer.line("c.pointee.\(CNaming.memberName(name))_case = \(caseType)(rawValue: \(field.number))")
                                writer.line("c.pointee.\(CNaming.memberName(field.name)) = \(try writeValue(field, "value"))")
                            }
                        }
                        writer.line("case nil:")
                        writer.indented { writer in writer.line("break") }
                    }
                }
            }
            writer.line("return c")
        }
    }

    private func write(_ field: FieldDeclaration, into writer: inout SourceWriter) throws {
        let property = "self.\(SwiftNaming.escaped(naming.memberName(field.name)))"
        let member = "c.pointee.\(CNaming.memberName(field.name))"
        if let entry = schema.mapEntry(field) {
            let entryType = try schema.message(field.typeName)
            let order = entry.fields[0].kind == .bool ? "!$0.key && $1.key" : "$0.key < $1.key"
            writer.line("c.pointee.n_\(CNaming.memberName(field.name)) = \(property).count")
            writer.line("// In key order, so that equal maps encode to equal bytes.")
            writer.line("\(member) = arena.pointerArray(\(property).sorted { \(order) }) { key, value in")
            try writer.indented { writer in
                writer.line("let entry = arena.message(\(entryType.cType).self, \(entryType.cFunctions)__init)")
                writer.line("entry.pointee.key = \(try writeValue(entry.fields[0], "key"))")
                writer.line("entry.pointee.value = \(try writeValue(entry.fields[1], "value"))")
                writer.line("return entry")
            }
            writer.line("}")
            return
        }
        if field.isRepeated {
            writer.line("c.pointee.n_\(CNaming.memberName(field.name)) = \(property).count")
            switch field.kind {
            case .message, .string:
                writer.line("\(member) = arena.pointerArray(\(property)) { \(try writeValue(field, "$0")) }")
            case .double, .float, .int64, .sint64, .sfixed64, .uint64, .fixed64, .int32, .sint32, .sfixed32, .uint32, .fixed32:
                writer.line("\(member) = arena.values(\(property))")
            default:
                writer.line("\(member) = arena.values(\(property)) { \(try writeValue(field, "$0")) }")
            }
            return
        }
        if field.kind == .message {
            writer.line("\(member) = \(property)?.cMessage(in: arena)")
        } else if field.isProto3Optional {
            if field.kind == .string {
                writer.line("\(member) = \(property).map { arena.string($0) }")
            } else {
                try writer.block("if let value = \(property)") { writer in
                    writer.line("c.pointee.has_\(CNaming.memberName(field.name)) = 1")
                    writer.line("\(member) = \(try writeValue(field, "value"))")
                }
            }
        } else {
            writer.line("\(member) = \(try writeValue(field, property))")
        }
    }

    /// The C value of one Swift value `value` of the field.
    private func writeValue(_ field: FieldDeclaration, _ value: String) throws -> String {
        switch field.kind {
        case .string: return "arena.string(\(value))"
        case .bytes: return "arena.bytes(\(value))"
        case .bool: return "\(value) ? 1 : 0"
        case .message: return "\(value).cMessage(in: arena)"
        case .enum:
            let cType = try schema.enumType(field.typeName).cType
            return "\(cType)(rawValue: .init(truncatingIfNeeded: \(value).rawValue))"
        default: return value
        }
    }
}
