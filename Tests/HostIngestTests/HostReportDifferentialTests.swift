import Foundation
import HostIngestSlice
import HubTestSupport
import Kernel
import NIOCore
import Testing

/// The one-pass report reader against the `Decodable` path it replaced
/// (``CodableHostReport`` through ``BodyDecoder``): on thousands of generated reports
/// and near misses, both accept with the same values or both refuse with the same
/// message.
///
/// `JSONDecoder` alone checks only what it decodes, so it let through bodies that are
/// not JSON where nothing read them (a bad escape or invalid UTF-8 in an unknown field,
/// a leading zero in `spec`, a comma before a closing bracket), kept the first of
/// duplicate keys and let U+0000 into strings. ``BodyDecoder`` now reads every body
/// with the strict reader before `JSONDecoder` does, so the reference refuses all of
/// that as the report reader does, with the same messages, and no case needs an
/// excuse. The reference model also has the report's new rule, at most
/// 1,000 guests (``CodableHostReport``).
@Suite struct HostReportDifferentialTests {
    static let documents = 3000

    @Test func agreesWithTheDecodablePathOnGeneratedAndMutatedReports() {
        var random = SplitMix64(seed: 0x0000_4E90_12F0)
        var tally = Tally()
        for index in 0..<Self.documents {
            var document = ReportDocument.benchmarkReport(hostID: "acme-k3x9q2")
            let changes = index % 10 == 0 ? 0 : Int.random(in: 1...3, using: &random)
            for _ in 0..<changes { document.mutate(using: &random) }
            var bytes = Array(document.text(using: &random).utf8)
            if random.oneIn(3) { bytes = JSONMutation.mutate(bytes, using: &random) }
            tally.record(Self.compare(bytes), case: index, bytes: bytes)
        }
        #expect(tally.disagreements.isEmpty, "\(tally.disagreements.count) disagreements, first: \(tally.disagreements.prefix(5))")
        #expect(tally.bothAccepted > 300)
        #expect(tally.sameRefusal > 1500)
        #expect(tally.distinctMessages.count > 40)
        #expect(tally.distinctMessages.contains { $0.hasSuffix(": duplicate key") })
    }

    /// Corner cases of Foundation's reading that the hub keeps, each named.
    @Test(arguments: [
        ("vmid written 101.0", #"{"vmid":101.0,"name":"a","status":"running"}"#, nil),
        ("vmid written 1.01e2", #"{"vmid":1.01e2,"name":"a","status":"running"}"#, nil),
        ("vmid with a fraction", #"{"vmid":101.5,"name":"a","status":"running"}"#, "guests[0].vmid: must be an integer from 100 to 999999999"),
        ("vmid beyond Int", #"{"vmid":9223372036854775808,"name":"a","status":"running"}"#, "guests[0].vmid: must be an integer from 100 to 999999999"),
        ("a null guest", "null", "guests[0]: must not be null"),
        ("a guest that is a number", "7", "guests[0]: must be an object"),
        ("controller_version null", #"{"vmid":101,"name":"a","status":"running","controller_version":null}"#, nil),
        ("spec null", #"{"vmid":101,"name":"a","status":"running","spec":null}"#, nil),
        ("spec an array", #"{"vmid":101,"name":"a","status":"running","spec":[]}"#, "guests[0].spec: must be an object"),
        ("name null", #"{"vmid":101,"name":null,"status":"running"}"#, "guests[0].name: must not be null"),
        ("duplicate keys", #"{"vmid":101,"vmid":"x","name":"a","status":"running"}"#, "guests[0].vmid: duplicate key"),
        ("duplicate keys, the first broken", #"{"vmid":"x","vmid":101,"name":"a","status":"running"}"#, "guests[0].vmid: duplicate key"),
        ("duplicate keys, one escaped", #"{"vmid":101,"name":"a","\u0076mid":102,"status":"running"}"#, "guests[0].vmid: duplicate key"),
        ("duplicate keys in spec", #"{"vmid":101,"name":"a","status":"running","spec":{"cores":2,"cores":4}}"#, "guests[0].spec.cores: duplicate key"),
        ("U+0000 in a status", #"{"vmid":101,"name":"a","status":"running\u0000"}"#, "guests[0].status: must not contain U+0000"),
        ("U+0000 in a spec key", #"{"vmid":101,"name":"a","status":"running","spec":{"\u0000":1}}"#, "guests[0].spec: keys must not contain U+0000"),
        ("an escaped key", #"{"\u0076mid":101,"name":"a","status":"running"}"#, nil),
    ] as [(String, String, String?)])
    func agreesOnAGuest(_ label: String, guest: String, expected: String?) {
        let body = Self.report(replacing: "GUEST", with: guest)
        #expect(Self.compare(Array(body.utf8)) == (expected == nil ? .bothAccepted : .sameRefusal(expected!)), "\(label)")
    }

    @Test(arguments: [
        ("cpu_percent written -0", #""cpu_percent":-0"#, nil),
        ("cpu_percent 100.0", #""cpu_percent":100.0"#, nil),
        ("cpu_percent 100.5", #""cpu_percent":100.5"#, "host.cpu_percent: must be a number from 0 to 100"),
        ("cpu_percent beyond Double", #""cpu_percent":1e400"#, "the request body is not valid JSON"),
        ("cpu_percent below Double", #""cpu_percent":1e-400"#, "the request body is not valid JSON"),
        ("cpu_percent a string", #""cpu_percent":"12""#, "host.cpu_percent: must be a number"),
        ("cpu_percent true", #""cpu_percent":true"#, "host.cpu_percent: must be a number"),
        ("cpu_percent null", #""cpu_percent":null"#, "host.cpu_percent: must not be null"),
        ("uptime_seconds null", #""cpu_percent":1,"uptime_seconds":null"#, "host.uptime_seconds: must be an integer ≥ 0"),
        ("uptime_seconds 1e-400", #""cpu_percent":1,"uptime_seconds":1e-400"#, nil),
        ("pve_version null", #""cpu_percent":1,"pve_version":null"#, nil),
        ("kernel false", #""cpu_percent":1,"kernel":false"#, "host.kernel: must be a string"),
    ] as [(String, String, String?)])
    func agreesOnTheMachine(_ label: String, member: String, expected: String?) {
        let body = Self.report(replacing: #""cpu_percent":12.5"#, with: member)
        #expect(Self.compare(Array(body.utf8)) == (expected == nil ? .bothAccepted : .sameRefusal(expected!)), "\(label)")
    }

    @Test(arguments: [
        ("an empty body", "", "the request body is empty; a JSON object is expected"),
        ("only whitespace", " \n", "the request body is not valid JSON"),
        ("only a byte order mark", "\u{FEFF}", "the request body is not valid JSON"),
        ("an array", "[]", ": must be an object"),
        ("null", "null", ": must not be null"),
        ("a string", #""report""#, ": must be an object"),
        ("an object with nothing", "{}", "host_id: required field is missing"),
        ("a byte order mark", "\u{FEFF}" + report(replacing: "GUEST", with: #"{"vmid":101,"name":"a","status":"running"}"#), nil),
        ("the first missing field in rule order", #"{"guests":7,"agent_version":""}"#, "host_id: required field is missing"),
        ("a rule broken before trailing garbage", #"{"host_id":""} x"#, "the request body is not valid JSON"),
        ("cloudflared null", #"{"host_id":"h","reported_at":"2026-06-08T10:00:00Z","agent_version":"1","host":{"hostname":"h","cpu_percent":1,"mem_percent":1,"disk_percent":1},"guests":[],"cloudflared":null}"#, nil),
        ("reserved arrays null", #"{"host_id":"h","reported_at":"2026-06-08T10:00:00Z","agent_version":"1","host":{"hostname":"h","cpu_percent":1,"mem_percent":1,"disk_percent":1},"guests":[],"backups":null,"audit_tail":null}"#, nil),
        ("cloudflared without status", #"{"host_id":"h","reported_at":"2026-06-08T10:00:00Z","agent_version":"1","host":{"hostname":"h","cpu_percent":1,"mem_percent":1,"disk_percent":1},"guests":[],"cloudflared":{}}"#, "cloudflared.status: required field is missing"),
        ("a repeated top-level key", #"{"host_id":"h","host_id":"i"}"#, "host_id: duplicate key"),
        ("U+0000 in a key", #"{"host_id\u0000":"h"}"#, "keys must not contain U+0000"),
        ("a thousand guests", report(guests: 1_000), nil),
        ("a thousand and one guests", report(guests: 1_001), "guests: at most 1000 per report (this one has 1001)"),
        ("a repeated vmid", #"{"host_id":"h","reported_at":"2026-06-08T10:00:00Z","agent_version":"1","host":{"hostname":"h","cpu_percent":1,"mem_percent":1,"disk_percent":1},"guests":[{"vmid":101,"name":"a","status":"s"},{"vmid":101.0,"name":"b","status":"s"}]}"#, "guests[1].vmid: 101 appears twice in this report"),
    ] as [(String, String, String?)])
    func agreesOnTheWholeBody(_ label: String, body: String, expected: String?) {
        #expect(Self.compare(Array(body.utf8)) == (expected == nil ? .bothAccepted : .sameRefusal(expected!)), "\(label)")
    }

    /// What `JSONDecoder` alone lets through: both paths refuse it now, as the reader
    /// judges it.
    @Test(arguments: [
        ("a comma before a closing brace", #""disk_percent":63.0}"#, #""disk_percent":63.0,}"#, BodyDecoder.invalidJSONMessage),
        ("a comma before a closing bracket", #""status":"connected"}"#, #""status":"connected"},"backups":[1,]"#, BodyDecoder.invalidJSONMessage),
        ("a bad escape in an unknown field", #""hostname":"pve1","#, #""hostname":"pve1","note":"\q","#, BodyDecoder.invalidJSONMessage),
        ("a lone surrogate in an unknown field", #""hostname":"pve1","#, #""hostname":"pve1","note":"\ud800","#, BodyDecoder.invalidJSONMessage),
        ("a leading zero in spec", #""status":"running"}"#, #""status":"running","spec":{"cores":02}}"#, BodyDecoder.invalidJSONMessage),
        ("a control character in an unknown field", #""hostname":"pve1","#, "\"hostname\":\"pve1\",\"note\":\"a\u{01}b\",", BodyDecoder.invalidJSONMessage),
        ("a repeated host_id", #""agent_version""#, #""host_id":"acme-2","agent_version""#, "host_id: duplicate key"),
        ("U+0000 in a hostname", #""hostname":"pve1""#, #""hostname":"pve1\u0000""#, "host.hostname: must not contain U+0000"),
        ("U+0000 in an unknown field", #""hostname":"pve1","#, #""hostname":"pve1","note":"a\u0000","#, "host.note: must not contain U+0000"),
    ])
    func refusesWhatJSONDecoderAloneLetsThrough(_ label: String, marker: String, replacement: String, message: String) throws {
        let body = Array(Self.report(replacing: marker, with: replacement).utf8)
        #expect((try? JSONDecoder().decode(CodableHostReport.self, from: Data(body))) != nil, "JSONDecoder refused \(label)")
        #expect(Self.compare(body) == .sameRefusal(message), "\(label)")
    }

    @Test func refusesInvalidUTF8InAnUnknownField() {
        let body = Array(Self.report(replacing: #""hostname":"pve1","#, with: #""hostname":"pve1","note":"X","#).utf8)
        let broken = Array(body.split(separator: UInt8(ascii: "X"), omittingEmptySubsequences: false).joined(separator: [0xC3, 0x28]))
        #expect((try? JSONDecoder().decode(CodableHostReport.self, from: Data(broken))) != nil)
        #expect(Self.compare(broken) == .sameRefusal(BodyDecoder.invalidJSONMessage))
    }

    /// A report with `guests` guests, vmids from 100 on.
    static func report(guests: Int) -> String {
        let list = (0..<guests).map { #"{"vmid":\#(100 + $0),"name":"g","status":"running"}"# }.joined(separator: ",")
        return report(replacing: "GUEST", with: list)
    }

    static func report(replacing marker: String, with replacement: String) -> String {
        let template = #"{"host_id":"acme-1","reported_at":"2026-06-08T10:00:00Z","agent_version":"0.3.1","host":{"hostname":"pve1","cpu_percent":12.5,"mem_percent":40.1,"disk_percent":63.0},"guests":[GUEST],"cloudflared":{"status":"connected"}}"#
        let guest = #"{"vmid":101,"name":"a","status":"running"}"#
        let report = template.replacingOccurrences(of: "GUEST", with: marker == "GUEST" ? replacement : guest)
        return marker == "GUEST" ? report : report.replacingOccurrences(of: marker, with: replacement)
    }

    // MARK: Comparing

    /// What a reader made of a body: the report's values, or the message.
    enum Reading: Equatable {
        case report(Values)
        case failure(String)
    }

    /// Every value a `HostReport` holds, in a form both readers can fill.
    struct Values: Equatable {
        let hostID: String
        let reportedAt: Date
        let reportedAtText: String
        let agentVersion: String
        let hostname: String
        /// Compared by bit pattern, so that `-0` and `0` differ.
        let percents: [UInt64]
        let guests: [[String?]]
        let cloudflaredStatus: String?
    }

    enum Verdict: Equatable {
        case bothAccepted
        case sameRefusal(String)
        case disagreement(String)
    }

    struct Tally {
        var bothAccepted = 0
        var sameRefusal = 0
        var distinctMessages = Set<String>()
        var disagreements: [String] = []

        mutating func record(_ verdict: Verdict, case index: Int, bytes: [UInt8]) {
            switch verdict {
            case .bothAccepted: bothAccepted += 1
            case .sameRefusal(let message):
                sameRefusal += 1
                distinctMessages.insert(message)
            case .disagreement(let why): disagreements.append("case \(index): \(why): \(String(decoding: bytes, as: UTF8.self).prefix(600))")
            }
        }
    }

    static func compare(_ bytes: [UInt8]) -> Verdict {
        let old = oldReading(bytes)
        let new = newReading(bytes)
        switch (old, new) {
        case (.report(let a)?, .report(let b)):
            return a == b ? .bothAccepted : .disagreement("different values: \(a) / \(b)")
        case (.failure(let a)?, .failure(let b)) where a == b:
            return .sameRefusal(a)
        default:
            return .disagreement("Decodable path: \(String(describing: old)); reader: \(new)")
        }
    }

    /// The `Decodable` path's reading; `nil` if it failed in a way the route would not
    /// have answered with a message (it has not happened, and would be a disagreement).
    static func oldReading(_ bytes: [UInt8]) -> Reading? {
        do {
            let report = try BodyDecoder.decode(CodableHostReport.self, from: ByteBuffer(bytes: bytes), errorCode: "invalid_report")
            return .report(Values(
                hostID: report.hostID, reportedAt: report.reportedAt, reportedAtText: report.reportedAtText, agentVersion: report.agentVersion,
                hostname: report.host.hostname, percents: [report.host.cpuPercent, report.host.memPercent, report.host.diskPercent].map(\.bitPattern),
                guests: report.guests.map { ["\($0.vmid)", $0.name, $0.status, $0.controllerVersion] }, cloudflaredStatus: report.cloudflaredStatus
            ))
        } catch let error as HubError {
            return .failure(error.message)
        } catch {
            return nil
        }
    }

    static func newReading(_ bytes: [UInt8]) -> Reading {
        do {
            let report = try HostReport(body: ByteBuffer(bytes: bytes))
            return .report(Values(
                hostID: report.hostID, reportedAt: report.reportedAt, reportedAtText: report.reportedAtText, agentVersion: report.agentVersion,
                hostname: report.host.hostname, percents: [report.host.cpuPercent, report.host.memPercent, report.host.diskPercent].map(\.bitPattern),
                guests: report.guests.map { ["\($0.vmid)", $0.name, $0.status, $0.controllerVersion] }, cloudflaredStatus: report.cloudflaredStatus
            ))
        } catch {
            return .failure(error.message)
        }
    }
}
