import Foundation

/// An RFC 3339 date-time taken apart: `Z` or a numeric offset, an optional fraction of
/// any length. What ``Timestamp`` accepts, read byte by byte rather than with a
/// `DateFormatter`, which needs a formatter per format and allows what RFC 3339 does
/// not (a missing offset, a 30th of February).
struct RFC3339Text {
    /// Whole seconds since 1970-01-01T00:00:00Z, the offset applied.
    let epochSeconds: Int64
    /// The fraction of a second, every digit counted.
    let fraction: Double
    /// The fraction's first three digits: the whole milliseconds, exactly.
    let milliseconds: Int64

    /// `nil` for anything but an RFC 3339 date-time, including impossible dates.
    init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes.count <= 40 else { return nil }
        func number(_ start: Int, _ length: Int) -> Int? {
            var value = 0
            for index in start..<(start + length) {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0, 4), bytes[4] == 45, let month = number(5, 2), bytes[7] == 45,
              let day = number(8, 2), bytes[10] == 84 || bytes[10] == 116,
              let hour = number(11, 2), bytes[13] == 58, let minute = number(14, 2), bytes[16] == 58,
              let second = number(17, 2)
        else { return nil }
        var index = 19
        var fraction = 0.0
        var milliseconds: Int64 = 0
        if bytes[index] == 46 {
            index += 1
            var scale = 0.1
            var millisecondScale: Int64 = 100
            let fractionStart = index
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                fraction += Double(bytes[index] - 48) * scale
                milliseconds += Int64(bytes[index] - 48) * millisecondScale
                scale /= 10
                millisecondScale /= 10
                index += 1
            }
            guard index > fractionStart else { return nil }
        }
        guard index < bytes.count else { return nil }
        var offsetSeconds = 0
        switch bytes[index] {
        case 90, 122:
            index += 1
        case 43, 45:
            guard bytes.count == index + 6, bytes[index + 3] == 58,
                  let offsetHours = number(index + 1, 2), let offsetMinutes = number(index + 4, 2),
                  offsetHours < 24, offsetMinutes < 60
            else { return nil }
            offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (bytes[index] == 45 ? -1 : 1)
            index += 6
        default:
            return nil
        }
        guard index == bytes.count, (1...12).contains(month), hour < 24, minute < 60, second < 61,
              day >= 1, day <= Self.daysIn(month: month, year: year)
        else { return nil }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(min(second, 59))
        epochSeconds = Int64(timegm(&parts)) - Int64(offsetSeconds)
        self.fraction = fraction
        self.milliseconds = milliseconds
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
