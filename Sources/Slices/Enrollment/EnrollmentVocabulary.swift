import Kernel

/// The names the enrollment slice registers: its event types and its setting.
package enum EnrollmentVocabulary {
    package static let sliceName = "enrollment"

    /// A host came to be through an enrollment token (payload: `host_id`, `hostname`,
    /// `token_id`).
    package static let hostEnrolled = "host_enrolled"
    /// An operator revoked a host (payload: `host_id`, and `reason` when given).
    package static let hostRevoked = "host_revoked"

    static let eventTypes = [hostEnrolled, hostRevoked]

    /// How many failed enrollments one client address may make in a minute before it is
    /// answered 429 (a good token included) until the minute is over.
    package static let failuresPerMinute = Setting.positiveInteger(
        "HUB_ENROLL_FAILURES_PER_MINUTE", summary: "failed enrollments allowed per client address a minute", default: 10
    )
}
