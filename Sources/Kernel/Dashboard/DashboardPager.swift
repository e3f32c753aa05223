/// Pages of a long table: which rows a page shows and the links to its neighbours.
///
/// ```swift
/// let pager = DashboardPager(requested: request.queryValue("page"), perPage: 50, total: count)
/// … LIMIT \(pager.perPage) OFFSET \(pager.offset)
/// ```
package struct DashboardPager: Sendable, Equatable {
    /// 1-based; a page past the end shows the last one.
    package let page: Int
    package let perPage: Int
    package let total: Int

    package init(requested: String?, perPage: Int, total: Int) {
        let pages = max(1, (total + perPage - 1) / perPage)
        let asked = requested.flatMap(Int.init) ?? 1
        self.page = min(max(asked, 1), pages)
        self.perPage = perPage
        self.total = total
    }

    package var offset: Int { (page - 1) * perPage }
    package var pageCount: Int { max(1, (total + perPage - 1) / perPage) }
    package var previous: Int? { page > 1 ? page - 1 : nil }
    package var next: Int? { page < pageCount ? page + 1 : nil }
    /// `"51–100 of 1,234"`.
    package var summary: String {
        guard total > 0 else { return "none" }
        return "\(offset + 1)–\(min(offset + perPage, total)) of \(total)"
    }
}
