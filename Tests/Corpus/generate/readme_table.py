#!/usr/bin/env python3
"""Prints the rows of README.md's table of documents from generate/summary.json (written by build.py)."""
import json, os
S = json.load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'summary.json'), encoding='utf-8'))
for d in S:
    r = d['rows']; f = d['features'].replace('|', '\\|').replace('<', '&lt;')
    print('| `%s` | %s | %s | %s | %d | %d | %d | %d | %d |' % (d['file'], d['format'], f, d['region'], d['year'],
          r.get('indicators', 0), r.get('tasks', 0), r.get('projects', 0), d['figures']))
