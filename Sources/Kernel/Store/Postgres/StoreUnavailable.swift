/// The database could not be reached (PostgreSQL down, restarting, or the network
/// between): the request that needed it is answered 503 and may be sent again; nothing
/// it carried was acknowledged.
package struct StoreUnavailable: Error, CustomStringConvertible {
    package let reason: String

    package init(_ reason: String) {
        self.reason = reason
    }

    package var description: String { "the database is unavailable: \(reason)" }
}
