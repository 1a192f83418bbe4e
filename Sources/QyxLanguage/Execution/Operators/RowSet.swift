import QyxModel

/// What flows between the phases of a select before projection: row numbers of the entity, or
/// groups of them (one per output row of an aggregate). Each operator takes one and gives one.
enum RowSet {
    case rows([Int])
    case groups([[Int]])
}

/// Projected rows and, when provenance is tracked, the source rows of each.
struct Projection {
    var rows: [[Value]]
    var sources: [[Provenance]]?

    /// The rows at `kept`, with their sources.
    func keeping(_ kept: [Int]) -> Projection {
        Projection(rows: kept.map { rows[$0] }, sources: sources.map { all in kept.map { all[$0] } })
    }
}
