import Foundation
import QyxModel

/// Reads a 组团式帮扶 table (序号, local institution, partner, relation, 能力提升要求) laid out one
/// cell per line. An institution's first row carries its 序号 and name; the rows after it only a
/// partner, a relation and a requirement. Names wrap (`嵊泗县` ⏎ `人民医院`).
enum PairingTableBuilder {
    static func accepts(_ header: [String]) -> Bool {
        header.contains("能力提升要求") || header.contains(where: { $0.contains("帮扶") })
    }

    static func build(_ table: CellTable, _ context: inout TableContext) -> [Pairing] {
        var out: [Pairing] = []
        var seq: Int?
        var institution: String?
        var pending: [Fragment] = []
        for fragment in table.body {
            if let n = TextCleaning.integer(fragment.text), pending.isEmpty {
                seq = n
                institution = nil
                continue
            }
            pending.append(fragment)
            // The requirement is a sentence; it closes the row.
            guard fragment.text.hasSuffix("。") else { continue }
            let row = pending
            pending = []
            var cells = merged(Array(row.dropLast()).map(\.text))
            guard let relation = cells.popLast() else {
                context.warn(row[0].line, "pairing row has no partner or relation")
                continue
            }
            if institution == nil {
                guard cells.count >= 2 else {
                    context.warn(row[0].line, "pairing row \(seq.map(String.init) ?? "?") names no institution")
                    continue
                }
                institution = cells.removeFirst()
            }
            for partner in splitInstitutions(cells.joined()) {
                out.append(Pairing(provenance: context.provenance(row[0].line), region: context.region, seq: seq,
                                   institution: institution!, partner: partner,
                                   relation: canonicalRelation(relation, in: context.file),
                                   requirement: TextCleaning.collapse(row.last!.text)))
            }
        }
        for fragment in pending {
            context.warn(fragment.line, "cannot place '\(fragment.text)' in the pairing table")
        }
        return out
    }

    /// Joins wrapped fragments: a bare place joins the institution after it, a quoted word the
    /// relation word after it (`“组团式”` ⏎ `帮扶`), a two-character tail the word before it.
    static func merged(_ texts: [String]) -> [String] {
        var out: [String] = []
        for text in texts {
            if let last = out.last, Names.isBarePlace(last) || last.hasSuffix("”") || text.count <= 2 {
                out[out.count - 1] = last + text
            } else {
                out.append(text)
            }
        }
        return out
    }

    /// `浙大妇产科医院浙大儿童医院` names two partners.
    static func splitInstitutions(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        for c in text {
            current.append(c)
            for suffix in ["医院", "卫生院", "服务中心", "疾控中心"] where current.hasSuffix(suffix) && current.count >= 4 {
                parts.append(current)
                current = ""
                break
            }
        }
        if !current.isEmpty {
            if parts.isEmpty { return [current] }
            parts[parts.count - 1] += current
        }
        return parts
    }

    /// A relation spelled with quotes (`“组团式”帮扶`) takes the document's own unquoted spelling
    /// when its running text uses one (`组团式帮扶机制`).
    static func canonicalRelation(_ relation: String, in file: SourceFile) -> String {
        let bare = relation.filter { $0 != "“" && $0 != "”" }
        guard bare != relation else { return relation }
        for line in file.lines {
            var search = line.startIndex..<line.endIndex
            while let hit = line.range(of: bare, range: search) {
                let before = hit.lowerBound > line.startIndex ? line[line.index(before: hit.lowerBound)] : " "
                if before != "“" && before != "\"" { return bare }
                search = hit.upperBound..<line.endIndex
            }
        }
        return relation
    }
}
