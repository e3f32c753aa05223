/// Waits until `condition` holds, checking every 10 ms, and fails after `seconds` so a
/// broken hub fails the test instead of hanging it. Not a timing assertion: a fast
/// machine and a slow one reach the same verdict.
package func eventually(_ what: String, seconds: Int = 30, _ condition: () async throws -> Bool) async throws {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while try await !condition() {
        guard ContinuousClock.now < deadline else { throw WaitedTooLong(what: what) }
        try await Task.sleep(for: .milliseconds(10))
    }
}

package struct WaitedTooLong: Error, CustomStringConvertible {
    package let what: String
    package init(what: String) { self.what = what }
    package var description: String { "gave up waiting for \(what)" }
}
