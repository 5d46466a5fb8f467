/// Swift names for proto names: types as declared, members lowerCamelCase, with acronyms in
/// capitals (`customer_ids` → `customerIDs`), and Swift keywords escaped.
struct SwiftNaming {
    /// Lower-cased word → its spelling in a Swift name after the first word (`ids` → `IDs`).
    private let acronyms: [String: String]

    init(acronyms: [String]) {
        var table: [String: String] = [:]
        for acronym in acronyms { table[acronym.lowercased()] = acronym }
        self.acronyms = table
    }

    /// `placed_at_unix_ms` → `placedAtUnixMs`; `ListCustomerIds` → `listCustomerIDs`.
    func memberName(_ protoName: String) -> String {
        let words = Self.words(protoName)
        guard let first = words.first else { return "_" }
        var name = first.lowercased()
        for word in words.dropFirst() {
            name += acronyms[word.lowercased()] ?? (word.prefix(1).uppercased() + word.dropFirst())
        }
        return name
    }

    /// `kind` → `Kind`, for a oneof's enum.
    func typeName(forOneof protoName: String) -> String {
        let member = memberName(protoName)
        return member.prefix(1).uppercased() + member.dropFirst()
    }

    static func typeName(_ protoName: String) -> String {
        Keywords.types.contains(protoName) ? protoName + "_" : protoName
    }

    /// Case names of an enum's values: the enum's own prefix (`ORDER_STATUS_`) dropped, as in
    /// protobuf's style guide, unless that would leave a name that is empty or starts with a digit.
    func caseNames(_ protoEnum: EnumDeclaration) -> [String] {
        let prefix = Self.words(protoEnum.name).map { $0.uppercased() }.joined(separator: "_") + "_"
        return protoEnum.values.map { value in
            var name = value.name
            if name.hasPrefix(prefix), let next = name.dropFirst(prefix.count).first, !next.isNumber {
                name = String(name.dropFirst(prefix.count))
            }
            return memberName(name.lowercased())
        }
    }

    /// The words of a snake_case, UPPER_CASE or CamelCase name.
    static func words(_ name: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previous: Character?
        for character in name {
            if character == "_" {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else if character.isUppercase, let previous, previous.isLowercase || previous.isNumber {
                words.append(current)
                current = String(character)
            } else if character.isNumber, let previous, !previous.isNumber, !current.isEmpty {
                words.append(current)
                current = String(character)
            } else {
                current.append(character)
            }
            previous = character
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// A member name usable in a declaration.
    static func escaped(_ name: String) -> String {
        Keywords.members.contains(name) ? "`\(name)`" : name
    }
}

enum Keywords {
    /// Words that cannot name a property or case without backticks.
    static let members: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init",
        "inout", "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public",
        "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue",
        "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw",
        "switch", "where", "while", "Any", "as", "await", "false", "is", "nil", "self", "Self", "super", "throws",
        "true", "try", "_",
    ]

    /// Type names that would shadow the Swift types the generated code uses.
    static let types: Set<String> = [
        "Int32", "Int64", "UInt32", "UInt64", "Double", "Float", "Bool", "String", "Array", "Dictionary",
        "Optional", "Sendable", "Hashable", "Error", "Type", "Protocol", "Self",
    ]
}

/// protobuf-c's names for a proto's types and functions.
enum CNaming {
    /// `clv.ingestion.v1.Order` → `Clv__Ingestion__V1__Order`.
    static func typeName(_ fullName: String) -> String {
        fullName.split(separator: ".").map { camel(String($0)) }.joined(separator: "__")
    }

    /// `clv.ingestion.v1.IngestOrdersRequest` → `clv__ingestion__v1__ingest_orders_request`.
    static func functionPrefix(_ fullName: String) -> String {
        fullName.split(separator: ".").map { camelToLower(String($0)) }.joined(separator: "__")
    }

    /// A struct member: the field name lower-cased, with `_` after a C keyword.
    static func memberName(_ protoName: String) -> String {
        let lower = protoName.lowercased()
        return cKeywords.contains(lower) ? lower + "_" : lower
    }

    /// `kind` → `KindCase`, the type of a oneof's `kind_case` member.
    static func oneofCaseType(message: String, oneof: String) -> String {
        "\(typeName(message))__\(camel(oneof))Case"
    }

    /// protobuf-c's ToCamel: each word's first letter in capitals, underscores dropped.
    private static func camel(_ name: String) -> String {
        var result = ""
        var upperNext = true
        for character in name {
            if character == "_" {
                upperNext = true
            } else {
                result += upperNext ? character.uppercased() : String(character)
                upperNext = false
            }
        }
        return result
    }

    /// protobuf-c's CamelToLower: an underscore before each capital that follows a non-capital.
    private static func camelToLower(_ name: String) -> String {
        var result = ""
        var wasUpper = true
        for character in name {
            if character.isUppercase {
                if !wasUpper { result += "_" }
                result += character.lowercased()
                wasUpper = true
            } else {
                result.append(character)
                wasUpper = false
            }
        }
        return result
    }

    private static let cKeywords: Set<String> = [
        "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum",
        "extern", "float", "for", "goto", "if", "int", "long", "register", "return", "short", "signed",
        "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void", "volatile", "while",
    ]
}
