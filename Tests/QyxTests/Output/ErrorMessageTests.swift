import QyxLanguage
import QyxOutput
import Testing

/// What a query that cannot run says: what was expected, where, why, and a suggestion.
@Suite struct ErrorMessageTests {
    func formatted(_ text: String) throws -> String {
        let error = try #require(queryError(text), "expected an error for \(text)")
        return ErrorFormatter.format(error, source: text, file: "q.qyx")
    }

    @Test func misspeltEntity() throws {
        #expect(try formatted("select indicator where year = 2025") == """
        q.qyx:1:8: error: unknown entity 'indicator'; entities are documents, indicators, tasks, projects, reforms, pairings, figures, conflicts, domains
            select indicator where year = 2025
                   ^~~~~~~~~
            hint: did you mean indicators?

        """)
    }

    @Test func misspeltDomainWithCaretUnderChinese() throws {
        // 老有康 is six columns wide: the underline covers it exactly.
        #expect(try formatted("select indicators where domain = 老有康") == """
        q.qyx:1:34: error: unknown domain '老有康'; domains are 幼有善育 学有优教 劳有所得 病有良医 老有康养 住有宜居 弱有众扶 民生实事 项目建设 重大项目
            select indicators where domain = 老有康
                                             ^~~~~~
            hint: did you mean 老有康养?

        """)
    }

    @Test func caretAfterChineseText() throws {
        // Two Chinese characters before the error take four columns.
        #expect(try formatted("select indicators where name contains 托位 and yaer = 1") == """
        q.qyx:1:46: error: indicators have no field 'yaer'; fields are doc, line, region, year, domain, seq, name, unit, target, op, value, base_value, base_unit, lead, kind, parts, attribute
            select indicators where name contains 托位 and yaer = 1
                                                           ^~~~
            hint: did you mean year?

        """)
    }

    @Test func typeMismatchIsAnError() throws {
        let e = try #require(queryError("select indicators where year = 老有康养"))
        #expect(e.message == "type mismatch: year is a number but 老有康养 is text")
        #expect(e.hint == "did you mean domain = 老有康养?")
        #expect(e.range.start.column == 25)
        #expect(queryError("select indicators where name > 3")?.message == "type mismatch: name is text but the other side is a number")
        #expect(queryError("select indicators where value contains 3")?.message == "'contains' works on text, but value is a number")
        #expect(queryError("select tasks where lead < 县教育局")?.message == "'<' cannot order a list; use = or contains")
    }

    @Test(arguments: [
        ("select indicators where (year = 2025", "expected ')' to close '(' at 1:25, found end of input", 37),
        ("select indicators where name = \"abc", "unterminated string: no closing \"", 32),
        ("select indicators where", "expected a value or field, found end of input", 24),
        ("select name from", "expected an entity name after 'from', found end of input", 17),
        ("selec indicators", "unknown statement 'selec'; expected select, compare, describe or show", 1),
        ("select indicators where year = 2025 year", "expected ';' or the end of the statement, found 'year'", 37),
        ("select indicators where value = null", "'= null' is never true; write 'is null' or 'is not null'", 25),
        ("select indicators where count(*) > 1", "count() is an aggregate; it cannot be used in where (use having)", 25),
        ("select indicators where name ~ \"(\"", "invalid regular expression \"(\"", 32),
        ("select indicators where year = $y", "parameter $y is not set", 32),
        ("select indicators where document.numbr = 1", "documents have no field 'numbr'", 25),
        ("compare projects by year", "compare works on figures and indicators, not projects", 9),
        ("select indicators where value > 3 人 and year = 2025 limit -1", "limit needs a whole number of rows", 59),
        ("select indicators where name = 3 万人", "3 万人 is an amount with a unit; compare it with a field that has units (value, base_value, investment)", 32),
    ])
    func messagesAndPositions(_ c: (String, String, Int)) throws {
        let e = try #require(queryError(c.0), "\(c.0)")
        #expect(e.message == c.1)
        #expect(e.range.start.column == c.2, "\(c.0)")
    }

    @Test func suggestions() {
        #expect(queryError("select indicators where yaer = 2025")?.hint == "did you mean year?")
        #expect(queryError("select taks")?.hint == "did you mean tasks?")
        #expect(queryError("select indicators where domain = helth")?.hint == "did you mean 病有良医?")
        #expect(queryError("select avgg(value) from indicators")?.hint == "did you mean avg?")
        #expect(queryError("show values of leed")?.hint == "did you mean lead?")
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let deep = "select indicators where " + String(repeating: "(", count: 10_000) + "year = 2025" + String(repeating: ")", count: 10_000)
        #expect(queryError(deep)?.message.contains("nested more than") == true)
        let nots = "select indicators where " + String(repeating: "not ", count: 10_000) + "year = 2025"
        #expect(queryError(nots)?.message.contains("nested more than") == true)
    }
}
