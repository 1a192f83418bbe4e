import Foundation
import QyxAnalysis
import QyxLanguage
import QyxModel

/// Line and bar charts as inline SVG: no script, no fonts or files fetched, readable offline.
/// Every mark carries a `<title>` (shown on hover) with its value and its source.
struct SVGChart {
    let spec: ChartSpec
    let result: ResultSet
    let citations: Citations

    struct Failure: Error { let message: String }

    static let palette = ["#1f6fb2", "#d9622b", "#2a9d5c", "#a23b72", "#6b5ca5", "#b8860b", "#1b998b", "#7a7a7a"]

    func column(_ name: String?, _ what: String) throws(Failure) -> Int? {
        guard let name else { return nil }
        guard let i = result.columns.firstIndex(where: { $0.name.lowercased() == name.lowercased() }) else {
            throw Failure(message: "chart \(what)=\(name): the result has no such column; columns are \(result.columns.map(\.name).joined(separator: ", "))")
        }
        return i
    }

    func render() throws(Failure) -> String {
        let x = try column(spec.x, "x") ?? 0
        let series = try column(spec.series, "series")
        let yGiven = try column(spec.y, "y")
        guard let y = yGiven ?? result.columns.indices.first(where: { $0 != x && $0 != series && result.columns[$0].isNumeric }) else {
            throw Failure(message: "chart=\(spec.style.rawValue) needs a numeric column to draw; columns are \(result.columns.map(\.name).joined(separator: ", "))")
        }
        let unit = result.columns.firstIndex { $0.name == "unit" }
        var points: [Point] = []
        for (r, row) in result.rows.enumerated() {
            guard let value = row[y].number else { continue }
            let cite = result.sources.map { citations.cite($0[r]) }
            let unitText = unit.map { row[$0].displayText } ?? ""
            points.append(Point(x: row[x], value: value, series: series.map { row[$0].displayText } ?? "", unit: unitText, cite: cite))
        }
        guard !points.isEmpty else { throw Failure(message: "chart has nothing to draw: no row has a number in \(result.columns[y].name)") }
        let label = "\(result.columns[y].name) by \(result.columns[x].name)"
        switch spec.style {
        case .line: return line(points, label: label)
        case .bar: return bar(points, label: label)
        }
    }

    struct Point {
        var x: Value
        var value: Double
        var series: String
        var unit: String
        var cite: String?

        var tooltip: String {
            var t = (series.isEmpty ? "" : series + " · ") + "\(x.displayText): \(Value.format(value))\(unit.isEmpty ? "" : " " + unit)"
            if let cite { t += "\n" + cite }
            return t
        }
    }

    /// Rounded tick values covering lo…hi.
    static func ticks(_ lo: Double, _ hi: Double) -> [Double] {
        let span = max(hi - lo, 1e-9)
        let raw = span / 4
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        let start = floor(lo / step) * step
        return stride(from: start, through: hi + step * 0.999, by: step).map { ($0 / step).rounded() * step }
    }

    static func text(_ s: String, max: Int) -> String { s.count > max ? String(s.prefix(max - 1)) + "…" : s }

    func line(_ points: [Point], label: String) -> String {
        let width = 680.0, height = 320.0, left = 60.0, right = 170.0, top = 20.0, bottom = 40.0
        let plotW = width - left - right, plotH = height - top - bottom
        let xs = Array(Set(points.map(\.x))).sorted { ValueOps.order($0, $1) < 0 }
        let numericX = xs.allSatisfy { $0.number != nil }
        func px(_ v: Value) -> Double {
            if numericX, let lo = xs.first?.number, let hi = xs.last?.number, hi > lo {
                return left + (v.number! - lo) / (hi - lo) * plotW
            }
            let i = Double(xs.firstIndex(of: v) ?? 0)
            return xs.count == 1 ? left + plotW / 2 : left + i / Double(xs.count - 1) * plotW
        }
        let ticks = Self.ticks(min(0, points.map(\.value).min()!), points.map(\.value).max()!)
        let lo = ticks.first!, hi = ticks.last!
        func py(_ v: Double) -> Double { top + plotH - (v - lo) / max(hi - lo, 1e-9) * plotH }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(Escape.html(label))\" class=\"chart\">"
        for t in ticks {
            let yy = py(t)
            svg += "<line x1=\"\(left)\" x2=\"\(left + plotW)\" y1=\"\(f(yy))\" y2=\"\(f(yy))\" class=\"grid\"/>"
            svg += "<text x=\"\(left - 6)\" y=\"\(f(yy + 4))\" text-anchor=\"end\" class=\"tick\">\(Escape.html(Value.format(t)))</text>"
        }
        for v in xs {
            svg += "<text x=\"\(f(px(v)))\" y=\"\(f(top + plotH + 18))\" text-anchor=\"middle\" class=\"tick\">\(Escape.html(Self.text(v.displayText, max: 10)))</text>"
        }
        svg += "<line x1=\"\(left)\" x2=\"\(left + plotW)\" y1=\"\(f(top + plotH))\" y2=\"\(f(top + plotH))\" class=\"axis\"/>"
        var names: [String] = []
        for p in points where !names.contains(p.series) { names.append(p.series) }
        for (k, name) in names.enumerated() {
            let colour = Self.palette[k % Self.palette.count]
            let mine = points.filter { $0.series == name }.sorted { ValueOps.order($0.x, $1.x) < 0 }
            let path = mine.map { "\(f(px($0.x))),\(f(py($0.value)))" }.joined(separator: " ")
            svg += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"/>"
            for p in mine {
                svg += "<circle cx=\"\(f(px(p.x)))\" cy=\"\(f(py(p.value)))\" r=\"4\" fill=\"\(colour)\"><title>\(Escape.html(p.tooltip))</title></circle>"
            }
            if !name.isEmpty {
                let ly = top + 14 + Double(k) * 18
                svg += "<rect x=\"\(f(left + plotW + 12))\" y=\"\(f(ly - 9))\" width=\"10\" height=\"10\" fill=\"\(colour)\"/>"
                svg += "<text x=\"\(f(left + plotW + 28))\" y=\"\(f(ly))\" class=\"legend\"><title>\(Escape.html(name))</title>\(Escape.html(Self.text(name, max: 11)))</text>"
            }
        }
        return svg + "</svg>"
    }

    func bar(_ points: [Point], label: String) -> String {
        let left = 200.0, right = 80.0, top = 10.0, rowH = 24.0, width = 680.0
        let plotW = width - left - right
        let height = top * 2 + rowH * Double(points.count)
        let hi = max(points.map(\.value).max()!, 0), lo = min(points.map(\.value).min()!, 0)
        func px(_ v: Double) -> Double { left + (v - lo) / max(hi - lo, 1e-9) * plotW }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(Escape.html(label))\" class=\"chart\">"
        var names: [String] = []
        for p in points where !names.contains(p.series) { names.append(p.series) }
        for (i, p) in points.enumerated() {
            let y = top + Double(i) * rowH
            let x0 = px(min(0, p.value)), x1 = px(max(0, p.value))
            // Bars of one series share a colour.
            let colour = Self.palette[names.firstIndex(of: p.series)! % Self.palette.count]
            let name = p.series.isEmpty ? p.x.displayText : p.series + " · " + p.x.displayText
            svg += "<text x=\"\(f(left - 8))\" y=\"\(f(y + 16))\" text-anchor=\"end\" class=\"tick\">\(Escape.html(Self.text(name, max: 14)))</text>"
            svg += "<rect x=\"\(f(x0))\" y=\"\(f(y + 4))\" width=\"\(f(max(x1 - x0, 1)))\" height=\"\(f(rowH - 8))\" fill=\"\(colour)\"><title>\(Escape.html(p.tooltip))</title></rect>"
            svg += "<text x=\"\(f(x1 + 6))\" y=\"\(f(y + 16))\" class=\"value\">\(Escape.html(Value.format(p.value)))</text>"
        }
        return svg + "</svg>"
    }

    func f(_ v: Double) -> String { String(format: "%.1f", v) }
}
