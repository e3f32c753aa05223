import GRDB

/// A GRDB record whose columns are its properties' names in snake_case, the way
/// ``WireJSON`` writes its keys: `customerID` is read from `customer_id`, `webhookURL`
/// from `webhook_url`. The record is a plain `Decodable` struct that declares no
/// column list, no `CodingKeys` and no `init(row:)`:
///
/// ```swift
/// struct Host: SnakeCaseRecord, TableRecord {
///     static let databaseTableName = "hosts"
///     let hostID: String
///     let lastReportAt: Timestamp?
/// }
/// let host = try Host.fetchOne(db, key: "acme-1a2b3c")
/// ```
///
/// GRDB's own `.convertFromSnakeCase` reads `customer_id` as `customerId`, which
/// matches no property named as Swift names them; this reading turns the words `id`,
/// `json` and `url` into `ID`, `JSON` and `URL`, so it undoes exactly what
/// `.convertToSnakeCase` does to such names. Columns that match no property are left
/// unread.
package protocol SnakeCaseRecord: FetchableRecord, Decodable {}

extension SnakeCaseRecord {
    package static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy {
        .custom { column in SnakeCaseColumn(column) }
    }
}

extension SnakeCaseRecord where Self: EncodableRecord {
    package static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy {
        .convertToSnakeCase
    }
}

/// The property a snake_case column holds: `customer_id` → `customerID`.
struct SnakeCaseColumn: CodingKey {
    /// Words written in capitals in a Swift name, as in `hostID`, `webhookURL`, `desiredJSON`.
    static let acronyms: Set<Substring> = ["id", "json", "url"]

    let stringValue: String
    var intValue: Int? { nil }

    init(_ column: String) {
        let words = column.split(separator: "_")
        guard let first = words.first, words.count > 1 else {
            stringValue = column
            return
        }
        stringValue = words.dropFirst().reduce(into: String(first)) { name, word in
            name += Self.acronyms.contains(word) ? word.uppercased() : word.prefix(1).uppercased() + word.dropFirst()
        }
    }

    init?(stringValue: String) {
        self.stringValue = stringValue
    }

    init?(intValue: Int) {
        nil
    }
}
