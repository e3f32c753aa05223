@testable import ControllerSlice
import Synchronization

/// A resolver that answers from a table, so a test decides what a webhook's host name
/// resolves to; it counts the questions.
final class StubResolver: HostNameResolver {
    private let answers: [String: [IPAddress]]
    private let asked = Mutex<[String]>([])

    /// `answers` maps a name to its addresses, written as text.
    init(_ answers: [String: [String]]) {
        self.answers = answers.mapValues { $0.compactMap(IPAddress.init(text:)) }
    }

    /// The names asked for so far, in order.
    var questions: [String] { asked.withLock { $0 } }

    struct NoSuchName: Error {}

    func addresses(of name: String) async throws -> [IPAddress] {
        asked.withLock { $0.append(name) }
        guard let addresses = answers[name] else { throw NoSuchName() }
        return addresses
    }
}
