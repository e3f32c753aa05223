import Foundation

/// A periodic check that may move subjects between states and emit events.
///
/// The ticker runs every enabled slice's checkers once per tick; a checker that throws
/// is logged and the others still run.
package protocol Checker: Sendable {
    var name: String { get }
    func check(now: Date) async throws
}
