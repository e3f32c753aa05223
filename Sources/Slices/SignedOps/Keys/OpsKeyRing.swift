import Foundation
import GRDB
import Kernel
import Logging
import Synchronization

/// The hub's ops signing keys: the active one that signs, and the retired ones still
/// published so that what they signed stays verifiable.
///
/// The active key is the one in ``SigningKeyFile``. The ring re-reads that small file
/// before every signature and reloads when its text changed, so `hub keys rotate`, run
/// while a server is up, takes effect from the server's next signature without a restart
/// or a signal. A retired key is published for ``verificationWindow`` after its
/// retirement — far longer than the longest op lifetime (7 days) — then dropped.
package final class OpsKeyRing: Sendable {
    /// How long a retired key stays in `GET /api/v1/ops/keys`: 30 days.
    package static let verificationWindow: TimeInterval = 30 * 86_400

    let file: SigningKeyFile
    let database: HubDatabase
    let clock: any HubClock
    let logger: Logger
    private let loaded = Mutex<(text: String, key: SigningKey)?>(nil)

    package init(dataDirectory: URL, database: HubDatabase, clock: any HubClock, logger: Logger) {
        self.file = SigningKeyFile(dataDirectory: dataDirectory)
        self.database = database
        self.clock = clock
        self.logger = logger
    }

    /// Where the active key lives.
    package var keyFile: URL { file.url }

    /// The key that signs now; generated (mode 0600) when there is none yet. A file
    /// that is not an Ed25519 PKCS#8 PEM throws a ``ConfigurationError`` naming it.
    package func activeKey() async throws -> SigningKey {
        guard let text = try file.read() else {
            return try await generate()
        }
        if let cached = loaded.withLock({ $0 }), cached.text == text { return cached.key }
        let key = try file.parse(text)
        try await adopt(key, text: text)
        logger.notice("ops signing key loaded", metadata: ["file": "\(file.url.path)", "keyid": "\(key.keyID)"])
        return key
    }

    /// The keys agents may verify with: the active key first, then the retired keys
    /// still within ``verificationWindow``, most recently retired first.
    package func publishedKeys() async throws -> [OpsPublicKey] {
        let active = try await activeKey()
        let cutoff = Timestamp(clock.now().addingTimeInterval(-Self.verificationWindow))
        let retired = try await database.read { db in
            try SigningKeyRecords.retired(since: cutoff, excluding: active.keyID, in: db)
        }
        return [active.publicKey] + retired
    }

    /// What ``rotate()`` did.
    package struct Rotation: Sendable {
        /// The key that signed until now; `nil` when there was none.
        package let retired: OpsPublicKey?
        package let active: OpsPublicKey
        /// Until when the retired key stays published.
        package let retiredPublishedUntil: Date?
    }

    /// Makes a fresh key the active one. The previous key is retired, not deleted from
    /// the record: its public key stays published for ``verificationWindow``; its private
    /// key is gone with the replaced file.
    package func rotate() async throws -> Rotation {
        let previous = try file.load()?.key
        if let previous {
            try await record(previous.publicKey)
        }
        let next = SigningKey.generate()
        try file.replace(with: next)
        try await adopt(next, text: next.pem)
        logger.notice("rotated the ops signing key", metadata: [
            "file": "\(file.url.path)", "keyid": "\(next.keyID)", "retired_keyid": "\(previous?.keyID ?? "-")",
        ])
        return Rotation(
            retired: previous?.publicKey, active: next.publicKey,
            retiredPublishedUntil: previous.map { _ in clock.now().addingTimeInterval(Self.verificationWindow) }
        )
    }

    /// Replicas sharing one PostgreSQL database are one hub to the agents: they sign
    /// with one key. The operator copies the key file to every replica (it never enters
    /// the database); a replica whose file is missing or holds another key than the
    /// fleet's active one refuses to start instead of signing ops the agents would
    /// reject. The first replica of a fresh database generates the key as a lone hub does.
    package func checkAgreesWithFleet() async throws {
        guard let active = try await database.read({ db in try SigningKeyRecords.activeKeyID(in: db) }) else { return }
        guard let local = try file.load()?.key else {
            throw ConfigurationError(
                "this replica has no ops signing key at \(file.url.path), and the fleet signs with keyid \(active): "
                    + "copy that file from a replica that runs, then start again"
            )
        }
        guard local.keyID == active else {
            throw ConfigurationError(
                "this replica's ops signing key (\(file.url.path), keyid \(local.keyID)) is not the fleet's active key (keyid \(active)): "
                    + "copy the key file from a replica that signs with it (after `hub keys rotate`, copy the new file to every replica)"
            )
        }
    }

    private func generate() async throws -> SigningKey {
        let fresh = SigningKey.generate()
        if try file.create(fresh) {
            logger.notice("generated an ops signing key", metadata: ["file": "\(file.url.path)", "keyid": "\(fresh.keyID)"])
        }
        guard let stored = try file.load() else {
            throw ConfigurationError("the ops signing key \(file.url.path) vanished while it was created")
        }
        try await adopt(stored.key, text: stored.text)
        return stored.key
    }

    private func adopt(_ key: SigningKey, text: String) async throws {
        if file.isExposed {
            logger.warning("the ops signing key file is readable by others; chmod 600 it", metadata: ["file": "\(file.url.path)"])
        }
        try await record(key.publicKey)
        loaded.withLock { $0 = (text, key) }
    }

    private func record(_ key: OpsPublicKey) async throws {
        let now = Timestamp(clock.now())
        try await database.write { db in try SigningKeyRecords.noteActive(key, now: now, in: db) }
    }
}
