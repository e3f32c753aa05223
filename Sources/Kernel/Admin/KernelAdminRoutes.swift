import Foundation

/// The kernel's part of the admin API: slices, flags, events.
enum KernelAdminRoutes {
    struct SlicesBody: Encodable { let slices: [SliceReport] }
    struct FlagsBody: Encodable { let flags: [FlagState] }
    struct EventsBody: Encodable { let events: [Event] }

    struct FlagChange: Decodable {
        let enabled: Bool
        let customers: [String]?
    }

    static func routes(hub: HubRuntime) -> [SliceRoute] {
        [
            SliceRoute(.get, "/api/v1/admin/slices", access: .global) { _ in
                try .json(SlicesBody(slices: try await hub.sliceReports()))
            },
            SliceRoute(.get, "/api/v1/admin/flags", access: .global) { _ in
                try .json(FlagsBody(flags: try await hub.flags.states()))
            },
            SliceRoute(.put, "/api/v1/admin/flags/{name}", access: .global) { request in
                let name = try request.parameter("name")
                let change = try request.decode(FlagChange.self, errorCode: "invalid_flag")
                do {
                    let state = try await hub.flags.set(
                        name, enabled: change.enabled, customers: change.customers ?? [], actor: try request.requirePrincipal().auditName
                    )
                    return try .json(state)
                } catch let error as FlagError {
                    throw error.hubError
                }
            },
            SliceRoute(.get, "/api/v1/admin/events", access: .global) { request in
                let afterID = try request.query["after_id"].map { text -> Int64 in
                    guard let value = Int64(text), value >= 0 else { throw HubError.badRequest("invalid_query", "after_id must be a whole number ≥ 0") }
                    return value
                } ?? 0
                let limit = try request.query["limit"].map { text -> Int in
                    guard let value = Int(text), (1...1000).contains(value) else { throw HubError.badRequest("invalid_query", "limit must be 1 to 1000") }
                    return value
                } ?? 100
                let events = try await hub.events.list(
                    customerID: request.query["customer_id"], type: request.query["type"], afterID: afterID, limit: limit
                )
                return try .json(EventsBody(events: events))
            },
        ]
    }
}
