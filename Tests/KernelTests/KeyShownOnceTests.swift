import Kernel
import Testing

@Suite struct KeyShownOnceTests {
    @Test func namesItsIDAndHidesTheKeyFromLogs() throws {
        let shown = KeyShownOnce(idField: "host_id", id: "acme-1a2b3c", key: String(repeating: "a", count: 64))
        #expect(try WireJSON.encodeString(shown) == #"{"api_key":"\#(String(repeating: "a", count: 64))","host_id":"acme-1a2b3c"}"#)
        #expect(!"\(shown)".contains("aaaa"))
        let token = KeyShownOnce(idField: "token_id", id: "t1", keyField: "token", key: "secret")
        #expect(try WireJSON.encodeString(token) == #"{"token":"secret","token_id":"t1"}"#)
    }
}
