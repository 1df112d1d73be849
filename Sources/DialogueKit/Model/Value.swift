/// A value of the dialogue: an answer, a computed date, a parameter. `null` is an
/// answer too ("je ne sais pas"), distinct from a question never asked.
public enum Value: Hashable, Sendable, CustomStringConvertible {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case date(CivilDate)

    public var type: ValueType? {
        switch self {
        case .null: return nil
        case .bool: return .bool
        case .int: return .int
        case .string: return .string
        case .date: return .date
        }
    }

    public var description: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .string(let s): return "\"\(s)\""
        case .date(let d): return d.iso
        }
    }
}

/// The static type of an expression, checked when a dialogue is loaded so that an
/// author's slip (a date compared with text) is caught before anyone is advised.
public enum ValueType: String, Sendable, CustomStringConvertible {
    case bool, int, string, date
    public var description: String {
        switch self {
        case .bool: return "oui/non (bool)"
        case .int: return "nombre (int)"
        case .string: return "texte (string)"
        case .date: return "date"
        }
    }
}
