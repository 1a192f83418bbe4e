import QyxModel

/// `limit` and `offset`: which stretch of the ordered output is kept.
struct Window {
    let limit: Int?
    let offset: Int

    private var keepsEverything: Bool { limit == nil && offset == 0 }

    func apply(_ rows: [Int]) -> [Int] {
        keepsEverything ? rows : Array(rows.dropFirst(offset).prefix(limit ?? Int.max))
    }

    func apply(_ input: Projection) -> Projection {
        if keepsEverything { return input }
        return Projection(rows: Array(input.rows.dropFirst(offset).prefix(limit ?? Int.max)),
                   sources: input.sources.map { Array($0.dropFirst(offset).prefix(limit ?? Int.max)) })
    }
}
