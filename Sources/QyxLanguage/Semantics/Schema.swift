import QyxModel

/// What the binder knows of an entity: its name and its typed fields.
protocol EntitySchema {
    var name: String { get }
    var fields: [FieldSpec] { get }
    /// The position of a field named in lower case, or nil when there is none.
    func index(of field: String) -> Int?
}

/// The entities a statement can name, as the binder resolves them.
protocol Schema {
    associatedtype Entity: EntitySchema
    var entityNames: [String] { get }
    func entity(named name: String) -> Entity?
    /// The entity `document.FIELD` reaches from any row.
    var documents: Entity { get }
}

extension Schema {
    /// The entity `name` names, suggesting the closest one when it is misspelt.
    func resolve(_ name: Name) throws(QueryError) -> Entity {
        if let entity = entity(named: name.text) { return entity }
        let hint = Suggest.closest(name.text, among: entityNames).map { "did you mean \($0)?" }
        throw QueryError("unknown entity '\(name.text)'; entities are \(entityNames.joined(separator: ", "))",
                         at: name.range, hint: hint)
    }
}
