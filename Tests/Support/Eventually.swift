/// Waits until `condition` holds, checking every 10 ms, and fails after `seconds` so a
/// broken hub fails the test instead of hanging it. Not a timing assertion: a fast
/// machine and a slow one reach the same verdict.
public func eventually(_ what: String, seconds: Int = 20, _ condition: () async throws -> Bool) async throws {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while try await !condition() {
        guard ContinuousClock.now < deadline else { throw WaitedTooLong(what: what) }
        try await Task.sleep(for: .milliseconds(10))
    }
}

public struct WaitedTooLong: Error, CustomStringConvertible {
    public let what: String
    public init(what: String) { self.what = what }
    public var description: String { "gave up waiting for \(what)" }
}
