/// `help` and `.help TOPIC`: the language taught with statements that run on the built-in corpus.
enum Help {
    static let topics = ["select", "compare", "show", "operators", "units", "aggregates", "errors", "meta", "formats"]

    static func text(_ topic: String?) -> String {
        switch topic?.lowercased() {
        case nil, "":
            return """
            qyx asks questions of the 七优享 plans. Statements end with ';' and may span lines; meta
            commands (.help, .mode …) need none. Entities: documents indicators tasks projects reforms
            pairings domains.

              select indicators where domain = 老有康养 and year = 2025;
              compare indicators by year where region = 洞头区 and name contains 托位;
              show values of lead;

            Topics: \(topics.joined(separator: ", ")) — type .help TOPIC. Tab completes keywords,
            fields and values (domain = 老有康<Tab>). Ctrl-R searches history, Ctrl-C abandons a
            line or stops a query, Ctrl-D on an empty line leaves.

            """
        case "select":
            return """
            select [distinct] ENTITY | ITEMS from ENTITY [where …] [group by …] [having …]
                   [order by … [asc|desc]] [limit N] [offset N]

              select indicators where region = 嵊泗县 and year = 2025;
              select name, target, unit, lead from indicators where region = 洞头区 and year in (2025, 2027) order by seq;
              select projects where investment >= 1 order by investment desc limit 5;
              select name, document.number from indicators where document.published >= 2025-01-01;

            document.FIELD reaches the row's document. Bare Chinese words are values; so are the
            domain aliases childcare education employment health elderly housing assistance.

            """
        case "compare":
            return """
            compare indicators by year|region [where …]
            One row per indicator, one column per year or region. Indicators match even when their
            spelling differs in spaces, full/half-width forms or dashes.

              compare indicators by year where region = 嵊泗县;
              compare indicators by region where year = 2025;

            """
        case "show":
            return """
              show entities;          show domains;
              show values of lead;    show values of relation from pairings;
              describe projects;

            """
        case "operators":
            return """
            = != < <= > >=   between A and B   in (A, B)   like '每%数'   contains 托位
            ~ "^城镇"  (regular expression)   is null   is not null   and or not   + - * / %

              select indicators where name contains 托位 and not (op = "<");
              select name from indicators where name ~ "^城镇" and year = 2027;

            """
        case "units":
            return """
            A number with a unit is normalized like the data (万人 → 人, 亿元 → 元); rows in another
            base unit do not match.

              select indicators where base_value >= 1500 人;
              select projects where investment >= 10000 万元;
              select indicators where value >= 90 % and year = 2025;

            """
        case "aggregates":
            return """
            count(*) count(distinct x) sum avg min max, with group by and having:

              select domain, count(*) as n, avg(value) from indicators where year = 2025
                group by domain having n > 3 order by n desc;
              select lead, count(*) as targets from indicators where lead is not null group by lead order by targets desc;

            """
        case "errors":
            return """
            An error points at the spot with a caret and suggests a near name:
              select indicators where domain = 老有康;     -- did you mean 老有康养?
              select indicators where year = 老有康养;     -- type mismatch

            """
        case "meta":
            return """
            .help [TOPIC]        this help            .mode FORMAT    table|box|line|csv|tsv|json|jsonl|markdown
            .timer on|off        time each statement  .expanded on|off|auto  rows as field = value lines
            .pager on|off        page tall results    .read FILE      run statements from a file
            .output FILE|stdout  send results         .docs           the loaded documents
            .schema [ENTITY]     fields of entities   .quit           leave (or Ctrl-D)

            Meta commands need no ';'. .format is .mode's other name; .expanded auto shows a table
            wider than the terminal in line mode.

            """
        case "formats":
            return "table box line csv tsv json jsonl markdown — .mode csv, or --format csv on the command line.\n"
        default:
            return "no help on '\(topic!)'; topics: \(topics.joined(separator: ", "))\n"
        }
    }
}
