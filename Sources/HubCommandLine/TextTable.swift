/// Columns padded to their widest cell, for terminal output.
package struct TextTable {
    let headers: [String]
    package var rows: [[String]] = []

    package init(_ headers: String...) {
        self.headers = headers
    }

    package mutating func add(_ cells: String...) {
        rows.append(cells)
    }

    package var rendered: String {
        let all = [headers] + rows
        let widths = headers.indices.map { column in all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
