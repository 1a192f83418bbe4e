import QyxModel
import Testing
import QyxText

/// Target cells, units and names as the model normalizes them.
@Suite struct NormalizationTests {
    @Test(arguments: [
        ("≥280", ComparisonOp.ge, 280.0), ("≧12500", .ge, 12500), (">0.867", .gt, 0.867), ("< 5", .lt, 5),
        ("<\u{a0}5", .lt, 5), ("100%", .eq, 100), ("72.5%", .eq, 72.5), ("≤3", .le, 3), ("＞60", .gt, 60), ("4.57", .eq, 4.57),
    ])
    func singleTargets(_ c: (String, ComparisonOp, Double)) {
        let r = TargetReading.parse(c.0)
        #expect(r.op == c.1 && r.value == c.2 && r.parts.isEmpty, "\(c.0)")
    }

    /// Numerals read without strtod give strtod's double: made edge cases, and every string of
    /// digits and dots of up to 32 characters a seeded generator makes.
    @Test func decimalNumeralsReadAsDoubleReadsThem() {
        var texts = ["", ".", "5.", ".5", "0005", "00.10", "1.2.3", "0.1", "0.3", "2.675", "999999999999999", "9999999999999999",
                     "123456789012345.6", "0.000000000000001", "1e5", "4.5", "0.867", "12500", "1.7976931348623157"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = Int(state >> 59) + 1
            texts.append(String((0..<length).map { k in
                let pick = (state >> UInt64(k * 3 % 56)) % 11
                return pick == 10 ? "." : Character(String(pick))
            }))
        }
        for text in texts {
            let read = DecimalDigits.double(text.unicodeScalars.lazy.map(\.value), orElse: { text })
            #expect(read?.bitPattern == Double(text)?.bitPattern, "\(text)")
        }
    }

    @Test(arguments: ["", "全覆盖", "开展试点", "巩固成果"])
    func qualitativeTargets(_ text: String) {
        let r = TargetReading.parse(text)
        #expect(r.isQualitative && r.op == nil && r.value == nil)
    }

    @Test func compositeTargetsKeepEveryPart() {
        let r = TargetReading.parse("职工85、城乡居民69")
        #expect(r.value == nil)
        #expect(r.parts == [TargetPart(label: "职工", op: .eq, value: 85), TargetPart(label: "城乡居民", op: .eq, value: 69)])
        let bracket = TargetReading.parse("4(14)")
        #expect(bracket.value == nil && bracket.parts.map(\.value) == [4, 14])
    }

    @Test(arguments: [
        ("万人", "人", 1e4), ("万人次", "人次", 1e4), ("亿元", "元", 1e8), ("万元/年", "元/年", 1e4),
        ("%", "%", 1), ("千人", "人", 1e3), ("千米", "千米", 1), ("个", "个", 1),
    ])
    func baseUnits(_ c: (String, String, Double)) {
        let b = Units.base(of: c.0)
        #expect(b.unit == c.1 && b.factor == c.2)
    }

    @Test func equalAmountsCompareEqual() {
        #expect(Units.normalize(0.15, unit: "万人").value == 1500)
        #expect(Units.normalize(0.64, unit: "万人").value == 6400)
        #expect(Units.normalize(0.057, unit: "亿元").value == 5_700_000)
        #expect(Units.normalize(1.374, unit: "万元/年") == (13740, "元/年"))
        let corpusBase = builtin.indicators.first { $0.name == "老年健康服务专项评估人数" && $0.year == 2025 }?.base
        let prose = builtin.indicators.first { $0.name == "老年健康服务专项评估人数" && $0.year == 2024 }?.base
        #expect(corpusBase?.value == 1500 && prose?.value == 1500 && corpusBase?.unit == prose?.unit)
    }

    @Test(arguments: [
        ("普惠托位占比(%)", "普惠托位占比", "%"),
        ("基本医疗保险政策范围内住院报销比例(含大病保险)(%)", "基本医疗保险政策范围内住院报销比例(含大病保险)", "%"),
        ("建设筹集保障性租赁住房数(套(间))", "建设筹集保障性租赁住房数", "套(间)"),
        ("每千名儿童儿科执业(助理)医生数(个)", "每千名儿童儿科执业(助理)医生数", "个"),
        ("最低生活保障标准金额（万元/年）", "最低生活保障标准金额", "万元/年"),
    ])
    func namesLoseTheirUnit(_ c: (String, String, String)) {
        let (name, unit) = IndicatorName.split(c.0)
        #expect(name == c.1 && unit == c.2)
    }

    @Test func namesWithoutUnit() {
        #expect(IndicatorName.split("安薪指数") == ("安薪指数", nil))
        #expect(IndicatorName.split("执业(助理)").unit == nil)
    }

    @Test func domainAliases() {
        #expect(Domain.named("elderly")?.name == "老有康养")
        #expect(Domain.named("Health")?.name == "病有良医")
        #expect(Domain.named("老有康养")?.alias == "elderly")
        #expect(Domain.all.count == 10 && Domain.seven.count == 7)
    }
}
