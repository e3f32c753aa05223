import HostIngestSlice
import Kernel

/// Mints a guest's key: a fresh one, stored as its hash, replacing the previous (which
/// stops working at once, in every running hub's key cache too). The admin API, the
/// guest's own host agent and `hub guests key` all mint through this.
struct GuestKeyMint: Sendable {
    let database: HubDatabase
    let clock: any HubClock
    let announceKeyChange: @Sendable () -> Void

    /// `{"guest_id", "api_key"}`, or `nil` for no such guest (or one on a revoked host).
    func mint(guestID: String) async throws -> KeyShownOnce? {
        let key = APIKey.generate()
        let now = Timestamp(clock.now())
        guard try await database.write({ db in try GuestKeys.replaceKey(guestID: guestID, keyHash: APIKey.hash(key), at: now, in: db) }) != nil
        else { return nil }
        announceKeyChange()
        return KeyShownOnce(idField: "guest_id", id: guestID, key: key)
    }
}
