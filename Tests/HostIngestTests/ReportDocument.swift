import HubTestSupport

/// A JSON document kept as written, for generating host reports to break: members in
/// order with duplicates allowed, numbers as their literals (`12.0` stays `12.0`), so
/// that every spelling the two report parsers might judge differently can be made.
indirect enum ReportDocument {
    case object([(key: String, value: ReportDocument)])
    case array([ReportDocument])
    case string(String)
    /// A number, `true`, `false` or `null`, written as is.
    case literal(String)

    /// One step from a container to a member or element.
    typealias Path = [Int]

    /// The benchmark's four-guest report (`Benchmarks/report.lua`), the shape agents send.
    static func benchmarkReport(hostID: String) -> ReportDocument {
        func guest(_ vmid: Int, _ name: String, _ status: String, _ version: ReportDocument, cores: Int) -> ReportDocument {
            .object([
                ("vmid", .literal("\(vmid)")), ("name", .string(name)), ("status", .string(status)), ("controller_version", version),
                ("spec", .object([("cores", .literal("\(cores)")), ("memory_mb", .literal("2048")), ("disk_gb", .literal("32"))])),
            ])
        }
        return .object([
            ("host_id", .string(hostID)), ("reported_at", .string("2026-06-08T10:00:00Z")), ("agent_version", .string("0.3.1")),
            ("host", .object([
                ("hostname", .string("pve1")), ("cpu_percent", .literal("12.5")), ("mem_percent", .literal("40.1")),
                ("disk_percent", .literal("63.0")), ("uptime_seconds", .literal("123456")), ("pve_version", .string("8.2.4")),
                ("kernel", .string("6.8.12-1-pve")),
            ])),
            ("guests", .array([
                guest(101, "felhom-ctl", "running", .string("1.4.2"), cores: 2), guest(102, "media", "stopped", .literal("null"), cores: 4),
                guest(103, "nextcloud", "running", .literal("null"), cores: 2), guest(104, "backup", "running", .literal("null"), cores: 1),
            ])),
            ("cloudflared", .object([("status", .string("connected"))])),
            ("storage_targets", .array([.object([("name", .string("local-zfs")), ("total_gb", .literal("1800"))])])),
            ("backups", .array([.object([("vmid", .literal("101")), ("ok", .literal("true"))])])),
            ("restore_tests", .array([])), ("pbs_snapshots", .array([])),
            ("audit_tail", .array([.object([("at", .string("2026-06-08T09:58:00Z")), ("detail", .string("scheduled report, nothing to do"))])])),
        ])
    }

    // MARK: Writing

    /// The document as JSON text, with whitespace, `\u` escapes in keys and strings,
    /// and raw multi-byte characters chosen by `random`.
    func text(using random: inout SplitMix64) -> String {
        var text = ""
        write(into: &text, using: &random)
        return text
    }

    private func write(into text: inout String, using random: inout SplitMix64) {
        switch self {
        case .object(let members):
            text += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { text += "," }
                Self.space(&text, &random)
                Self.quote(member.key, into: &text, using: &random)
                Self.space(&text, &random)
                text += ":"
                Self.space(&text, &random)
                member.value.write(into: &text, using: &random)
            }
            text += "}"
        case .array(let elements):
            text += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { text += "," }
                Self.space(&text, &random)
                element.write(into: &text, using: &random)
            }
            text += "]"
        case .string(let string):
            Self.quote(string, into: &text, using: &random)
        case .literal(let literal):
            text += literal
        }
    }

    private static func space(_ text: inout String, _ random: inout SplitMix64) {
        if random.oneIn(5) { text += random.pick([" ", "\n  ", "\t", "\r\n"]) }
    }

    /// A string, now and then with a character spelled as a `\u` escape.
    private static func quote(_ string: String, into text: inout String, using random: inout SplitMix64) {
        text += "\""
        let escapeOne = random.oneIn(8)
        for scalar in string.unicodeScalars {
            if scalar == "\"" || scalar == "\\" {
                text += "\\" + String(scalar)
            } else if scalar.value < 0x20 || (escapeOne && random.oneIn(3)) {
                for unit in String(scalar).utf16 {
                    let digits = String(unit, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
                }
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }

    // MARK: Breaking

    /// Every node's path, the whole document's (`[]`) first.
    var paths: [Path] {
        var paths: [Path] = [[]]
        switch self {
        case .object(let members):
            for (index, member) in members.enumerated() { paths += member.value.paths.map { [index] + $0 } }
        case .array(let elements):
            for (index, element) in elements.enumerated() { paths += element.paths.map { [index] + $0 } }
        default: break
        }
        return paths
    }

    /// Applies `change` to the node at `path`.
    mutating func modify(at path: Path, _ change: (inout ReportDocument) -> Void) {
        guard let first = path.first else { return change(&self) }
        switch self {
        case .object(var members):
            members[first].value.modify(at: Array(path.dropFirst()), change)
            self = .object(members)
        case .array(var elements):
            elements[first].modify(at: Array(path.dropFirst()), change)
            self = .array(elements)
        default: break
        }
    }

    /// One change at a random node: replaced by a strange value, removed, doubled with
    /// another value (duplicate keys), given an unknown member or element.
    mutating func mutate(using random: inout SplitMix64) {
        let path = random.pick(paths)
        if let last = path.last, random.oneIn(2) {
            // A change to the node's place in its parent.
            modify(at: Array(path.dropLast())) { parent in
                switch parent {
                case .object(var members):
                    switch Int.random(in: 0..<3, using: &random) {
                    case 0: members.remove(at: last)
                    case 1: members.insert((members[last].key, Self.strangeValue(using: &random)), at: random.oneIn(2) ? last : last + 1)
                    default: members.insert(members[last], at: last + 1)
                    }
                    parent = .object(members)
                case .array(var elements):
                    if random.oneIn(2) { elements.remove(at: last) } else { elements.insert(elements[last], at: last + 1) }
                    parent = .array(elements)
                default: break
                }
            }
        } else {
            modify(at: path) { node in
                switch node {
                case .object(var members) where random.oneIn(3):
                    members.insert(("unexpected_\(Int.random(in: 0..<9, using: &random))", Self.strangeValue(using: &random)),
                                   at: Int.random(in: 0...members.count, using: &random))
                    node = .object(members)
                case .array(var elements) where random.oneIn(3):
                    elements.append(Self.strangeValue(using: &random))
                    node = .array(elements)
                default:
                    node = Self.strangeValue(using: &random)
                }
            }
        }
    }

    static let strangeLiterals = [
        "null", "true", "false", "0", "-0", "-0.0", "1", "-1", "-5", "12", "12.0", "1e2", "1E+2", "0.1e3", "99", "100", "100.0", "100.5",
        "101", "101.0", "1.01e2", "101.5", "100.0000000000000001", "999999999", "999999999.0", "1000000000", "1e9",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "9223372036854775807.0", "9.2e18", "1e19",
        "12345678901234567890123", "1e400", "-1e400", "1e-400", "2.4e-324", "1e-320", "4.9e-324", "1.7976931348623157e308",
        "63.0", "40.1", "0.5", "1e-2", "0e999",
    ]

    static let strangeStrings = [
        "", "x", "pve1", "running", "stopped", "connected", "1.4.2", "101", "12.5", "yesterday", "2026-06-08T10:00:00Z",
        "2026-02-30T10:00:00Z", "2026-06-08T10:00:00.123+02:00", "2026-13-45T99:99:99Z", "été", "😀", "\u{FEFF}x", "a\"b\\c",
        "line\nbreak", "\u{0}", "\u{7F}", "\u{2028}",
    ]

    static func strangeValue(using random: inout SplitMix64) -> ReportDocument {
        switch Int.random(in: 0..<10, using: &random) {
        case 0...3: return .literal(random.pick(strangeLiterals))
        case 4...6: return .string(random.pick(strangeStrings))
        case 7: return .object(random.pick([
            [], [("status", .string("connected"))], [("state", .string("connected"))], [("status", .literal("null"))],
            [("vmid", .literal("105")), ("name", .string("n")), ("status", .string("running"))],
            [("vmid", .literal("101")), ("name", .string("dup")), ("status", .string("stopped"))],
            [("hostname", .string("h")), ("cpu_percent", .literal("1")), ("mem_percent", .literal("2")), ("disk_percent", .literal("3"))],
        ]))
        case 8: return .array([])
        default: return .array([strangeValue(using: &random), strangeValue(using: &random)])
        }
    }
}
