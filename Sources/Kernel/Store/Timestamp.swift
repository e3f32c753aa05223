import Foundation

/// RFC 3339 timestamps as the hub stores and sends them: UTC, millisecond precision,
/// fixed width (`2026-06-08T10:00:00.000Z`), so that stored values sort as text and a
/// PostgreSQL store can read them unchanged.
public enum Timestamp {
    /// Formats `date` in the stored form. Written out digit by digit: it runs for every
    /// report, and `String(format:)` costs more than the rest of the row.
    public static func format(_ date: Date) -> String {
        let totalMillis = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        var seconds = time_t(totalMillis >= 0 ? totalMillis / 1000 : (totalMillis - 999) / 1000)
        let millis = Int(totalMillis - Int64(seconds) * 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(unsafeUninitializedCapacity: 24) { buffer in
            func put(_ value: Int, digits: Int, at offset: Int) {
                var value = value
                for index in stride(from: offset + digits - 1, through: offset, by: -1) {
                    buffer[index] = UInt8(48 + value % 10)
                    value /= 10
                }
            }
            put(Int(parts.tm_year) + 1900, digits: 4, at: 0)
            buffer[4] = 45
            put(Int(parts.tm_mon) + 1, digits: 2, at: 5)
            buffer[7] = 45
            put(Int(parts.tm_mday), digits: 2, at: 8)
            buffer[10] = 84
            put(Int(parts.tm_hour), digits: 2, at: 11)
            buffer[13] = 58
            put(Int(parts.tm_min), digits: 2, at: 14)
            buffer[16] = 58
            put(Int(parts.tm_sec), digits: 2, at: 17)
            buffer[19] = 46
            put(millis, digits: 3, at: 20)
            buffer[23] = 90
            return 24
        }
    }

    /// Parses an RFC 3339 date-time (`Z` or a numeric offset, optional fraction);
    /// `nil` for anything else, including impossible dates like February 30th.
    public static func parse(_ text: String) -> Date? {
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
        if bytes[index] == 46 {
            index += 1
            var scale = 0.1
            let fractionStart = index
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                fraction += Double(bytes[index] - 48) * scale
                scale /= 10
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
              day >= 1, day <= daysIn(month: month, year: year)
        else { return nil }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(min(second, 59))
        let epoch = timegm(&parts)
        return Date(timeIntervalSince1970: Double(epoch - offsetSeconds) + fraction)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
