import Foundation
import Testing
@testable import ControllerSlice

/// The backoff an operator reads about in the README: 5 s doubling to 1 h, ±20 %,
/// never past the give-up deadline.
@Suite struct RetryScheduleTests {
    let schedule = RetrySchedule(giveUpAfter: 86_400)
    let queued = Date(timeIntervalSince1970: 1_780_000_000)

    @Test func delaysDoubleFromFiveSecondsUpToAnHour() {
        let plain = (1...12).map { schedule.delay(afterFailures: $0, unit: 0.5) }
        #expect(plain == [5, 10, 20, 40, 80, 160, 320, 640, 1280, 2560, 3600, 3600])
    }

    @Test func jitterSpreadsEachDelayByAFifth() {
        #expect(schedule.delay(afterFailures: 3, unit: 0) == 16)
        #expect(abs(schedule.delay(afterFailures: 3, unit: 0.999_999) - 24) < 0.001)
    }

    @Test func theLastAttemptIsAtTheDeadlineAndAFailureThereGivesUp() {
        let nearEnd = queued.addingTimeInterval(86_400 - 100)
        #expect(schedule.nextAttempt(afterFailures: 20, queuedAt: queued, now: nearEnd, unit: 0.5) == queued.addingTimeInterval(86_400))
        #expect(schedule.nextAttempt(afterFailures: 21, queuedAt: queued, now: queued.addingTimeInterval(86_400), unit: 0.5) == nil)
        #expect(schedule.nextAttempt(afterFailures: 1, queuedAt: queued, now: queued, unit: 0.5) == queued.addingTimeInterval(5))
    }
}
