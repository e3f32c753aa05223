import HostIngestSlice
import Testing

/// A report's guests are written in groups whose sizes bound the statements the hub keeps
/// prepared: every guest once, in the report's order, in few groups.
@Suite struct GuestGroupsTests {
    @Test(arguments: [0, 1, 2, 4, 5, 63, 64, 65, 100, 1_000])
    func everyGuestIsInOneGroupOfAFewSizes(count: Int) {
        let guests = Array(0..<count)
        let groups = GuestGroups.split(guests)
        #expect(groups.flatMap { $0 } == guests)
        let sizes = groups.map(\.count)
        #expect(sizes.allSatisfy { [1, 2, 4, 8, 16, 32, 64].contains($0) }, "\(sizes)")
        #expect(sizes == sizes.sorted(by: >), "largest first: \(sizes)")
        // At most one group of each size below the largest: a report of five guests is
        // two statements, not five.
        #expect(Set(sizes.filter { $0 < GuestGroups.largest }).count == sizes.filter { $0 < GuestGroups.largest }.count)
    }
}
