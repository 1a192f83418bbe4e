#!/usr/bin/env python3
"""Load time of one prose line of 16, 32, 64 and 256 KB (issue 17): figure extraction must be
linear in the length of a line. The line is the built-in corpus's sentences with figures, one
after another without a line break, in a document beside the built-in corpus (--docs).

    python3 Tests/Benchmarks/long-lines.py [--qyx .build/release/qyx] [--sizes 16,32,64,256]
"""
import argparse, os, re, subprocess, tempfile

here = os.path.dirname(os.path.abspath(__file__))
corpus = os.path.join(here, "..", "..", "Sources", "QyxReaders", "Resources", "corpus")
head_doc = os.path.join(corpus, "shengsi-2025-work-points.txt")

def sentences(bare):
    """Sentences of the built-in corpus's prose that hold a digit, each ending in 。; `bare`
    takes out clause and sentence marks and list separators, so the line is one long clause."""
    out = []
    for name in sorted(os.listdir(corpus)):
        for line in open(os.path.join(corpus, name), encoding="utf-8"):
            line = line.strip()
            if len(line) > 40 and "|" not in line and "\t" not in line:
                out += [s + "。" for s in line.split("。") if re.search(r"[0-9０-９]", s)]
    return [re.sub("[，。；：,;:、和及与！？]", "", s) for s in out] if bare else out

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--qyx", default=os.path.join(here, "..", "..", ".build", "release", "qyx"))
    ap.add_argument("--sizes", default="16,32,64,256", help="line lengths in KB (UTF-8)")
    ap.add_argument("--bare", action="store_true", help="no punctuation: the whole line is one clause")
    ap.add_argument("--repeat", type=int, default=3, help="loads per size; the median is printed")
    args = ap.parse_args()
    pool = sentences(args.bare)
    # The document's title and metadata lines, so that it reads as a plan; then the long line.
    header = "".join(open(head_doc, encoding="utf-8").readlines()[:40])
    print("| line KB | figures | load s (median of %d) |" % args.repeat)
    print("|---|---|---|")
    for kb in [int(s) for s in args.sizes.split(",")]:
        line, i = "", 0
        while len(line.encode()) < kb * 1024:
            line += pool[i % len(pool)]
            i += 1
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "long-line.txt"), "w", encoding="utf-8") as f:
                f.write(header + "\n" + line + "\n")
            times, count = [], ""
            for _ in range(args.repeat):
                r = subprocess.run([args.qyx, "--docs", d, "--timer", "--format", "csv", "-c", "select count(*) from figures where doc = 'long-line'"],
                                   capture_output=True, text=True)
                m = re.search(r"Load Time: ([0-9.]+) s", r.stderr)
                if not m:
                    raise SystemExit(r.stderr)
                times.append(float(m.group(1)))
                count = r.stdout.split("\n")[1]
            print("| %d | %s | %.3f |" % (kb, count, sorted(times)[len(times) // 2]))

if __name__ == "__main__":
    main()
