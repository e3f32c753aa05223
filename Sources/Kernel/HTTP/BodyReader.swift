import Hummingbird
import NIOCore
import NIOHTTP1

/// Reads a request body whole, within the route's limit and the hub's ``BodyBudget``.
///
/// A body with a `Content-Length` is reserved in full before a byte is read and
/// collected into one buffer of exactly that size (collecting piece by piece would
/// grow the buffer by doubling, and a 4 MiB body would briefly need 8 MiB). A chunked
/// body grows its reservation as its bytes arrive.
///
/// Broken framing (a chunk size that is not a number, a bad terminator) and a client
/// that hangs up midway are the client's mistakes: they become a 400 that closes the
/// connection, never a 500, and a body shorter than its declared length is never
/// handed on as if it were complete.
enum BodyReader {
    static func read(_ request: Request, limit: Int) async throws -> ByteBuffer {
        let declared = request.headers[.contentLength].flatMap { Int($0) }
        if let declared, declared > limit {
            throw HubError.bodyTooLarge
        }
        let reservation = BodyReservation.current
        if let declared {
            try reservation?.grow(to: declared)
        }
        var body = ByteBuffer()
        do {
            for try await fragment in request.body {
                guard fragment.readableBytes <= limit - body.readableBytes else { throw HubError.bodyTooLarge }
                if let declared {
                    if body.capacity == 0 {
                        // The whole body in one piece (the usual small report) is used
                        // as it is; otherwise one buffer of the declared size takes it all.
                        guard fragment.readableBytes < declared else { body = fragment; continue }
                        body = ByteBufferAllocator().buffer(capacity: declared)
                    }
                } else {
                    try reservation?.grow(to: body.readableBytes + fragment.readableBytes)
                }
                body.writeImmutableBuffer(fragment)
            }
        } catch is HTTPParserError {
            throw HubError.malformedBody
        }
        if let declared, body.readableBytes != declared {
            throw HubError.malformedBody
        }
        return body
    }
}
