import Foundation
import HubTestSupport
import Kernel
import Testing

struct CountingChecker: Checker {
    let name: String
    let runs: Recorder<Date>

    func check(now: Date) async throws {
        runs.append(now)
    }
}

struct ThrowingChecker: Checker {
    let name = "always_fails"

    func check(now: Date) async throws {
        throw ToyFailure()
    }
}

@Suite struct TickerTests {
    @Test func aThrowingCheckerIsLoggedAndTheOthersStillRun() async throws {
        try await withDataDirectory { directory in
            let before = Recorder<Date>()
            let after = Recorder<Date>()
            let slice = toySlice { _ in
                SliceParts(checkers: [
                    CountingChecker(name: "before", runs: before),
                    ThrowingChecker(),
                    CountingChecker(name: "after", runs: after),
                ])
            }
            let hub = try await startHub(in: directory, catalogue: [slice])

            await hub.hub.ticker.tick()
            await hub.hub.ticker.tick()

            #expect(before.all.count == 2)
            #expect(after.all.count == 2)
            let failures = hub.logs.all.filter { $0.contains("checker failed") }
            #expect(failures.count == 2)
            #expect(failures.allSatisfy { $0.contains("always_fails") && $0.contains("toy handler exploded") })
        }
    }

    @Test func checkersRunAtTheClocksTime() async throws {
        try await withDataDirectory { directory in
            let runs = Recorder<Date>()
            let clock = ManualClock(Date(timeIntervalSince1970: 1_780_000_000))
            let slice = toySlice { _ in SliceParts(checkers: [CountingChecker(name: "counter", runs: runs)]) }
            let hub = try await startHub(in: directory, catalogue: [slice], clock: clock)

            await hub.hub.ticker.tick()
            clock.advance(by: 90)
            await hub.hub.ticker.tick()

            #expect(runs.all == [Date(timeIntervalSince1970: 1_780_000_000), Date(timeIntervalSince1970: 1_780_000_090)])
        }
    }

    @Test func checkersOfADisabledSliceDoNotRun() async throws {
        try await withDataDirectory { directory in
            let runs = Recorder<Date>()
            let catalogue = [
                toySlice("on", number: 1),
                toySlice("off", number: 2) { _ in SliceParts(checkers: [CountingChecker(name: "counter", runs: runs)]) },
            ]
            let hub = try await startHub(in: directory, catalogue: catalogue, enabled: ["on"])
            await hub.hub.ticker.tick()
            #expect(runs.all.isEmpty)
        }
    }
}
