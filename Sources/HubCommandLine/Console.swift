import Foundation
import Kernel

/// What commands print on standard output: lines for people, JSON for `--json`.
package enum Console {
    package static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    package static func json<T: Encodable>(_ value: T) throws {
        var data = try WireJSON.encodeData(value)
        data.append(0x0A)
        FileHandle.standardOutput.write(data)
    }
}
