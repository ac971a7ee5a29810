"""Does a statistic's `-T csv` output say what its text output says?

compare-stats.py checks the text of every statistic against tshark's; this module checks that
the CSV of the same statistic on the same file carries the same numbers, so a script reading the
CSV reads what a tshark user reads. Each kind has its own reading of the text (tshark's layout)
and of the CSV (ss-*.c's print_csv()); the two are compared row by row, in order.

check(stat, text, csv_text) returns None when they agree, 'unchecked' for a statistic this module
does not read, or a list of differences.
"""

import base64
import csv
import io
import re

UNITS = ('bytes', 'kB', 'MB', 'GB', 'TB')


def format_bytes(n):
    """tshark 4.0's conversation byte counts (format_size with SI units, no decimals)."""
    p = 1000
    for i, unit in ((4, 'TB'), (3, 'GB'), (2, 'MB'), (1, 'kB')):
        if n // p ** i >= 10:
            return '%d %s' % (n // p ** i, unit)
    return '%d bytes' % n


def csv_tables(csv_text):
    """The CSV of one statistic (after its "# ARG" line) as a header and rows."""
    lines = csv_text.split('\n')
    if lines and lines[0].startswith('# '):
        lines = lines[1:]
    rows = list(csv.reader(io.StringIO('\n'.join(lines))))
    rows = [r for r in rows if r]
    if not rows:
        return [], []
    return rows[0], rows[1:]


def decimals(token):
    return len(token.split('.', 1)[1]) if '.' in token else 0


def near(text_token, value):
    """A number printed in the text with its own precision against the CSV's value."""
    t = text_token.rstrip('%')
    try:
        a = float(t)
        b = float(value)
    except ValueError:
        return text_token == value
    return abs(a - b) <= 0.5 * 10 ** -decimals(t) + 1e-9 * max(1.0, abs(b))


# ---- io,stat ------------------------------------------------------------------------------


def check_io_stat(text, header, rows):
    problems = []
    trows = []
    for line in text.splitlines():
        if line.startswith('|') and '<>' in line:
            cells = [c.strip() for c in line.strip().strip('|').split('|')]
            # A wide title leaves empty cells after the values.
            while cells and not cells[-1]:
                cells.pop()
            trows.append(cells[1:])
    if not trows and len(rows) == 1 and float(rows[0][0]) == 0 and float(rows[0][1]) == 0:
        # A capture of no duration: tshark's text has no row for it, the CSV (and JSON) keep
        # the one interval, so its frames are not lost (src/stats/README.md).
        return []
    if len(trows) != len(rows):
        return ['io,stat: %d rows in the text, %d in the CSV' % (len(trows), len(rows))]
    for i, (t, c) in enumerate(zip(trows, rows)):
        vals = c[2:]
        if len(t) != len(vals):
            problems.append('row %d: %d values in the text, %d in the CSV' % (i, len(t),
                                                                           len(vals)))
            continue
        for tv, cv in zip(t, vals):
            if not near(tv, cv):
                problems.append('row %d: text %s, CSV %s' % (i, tv, cv))
    return problems


# ---- conv and endpoints -------------------------------------------------------------------


def join_units(tokens):
    out = []
    for tok in tokens:
        if tok in UNITS and out:
            out[-1] = out[-1] + ' ' + tok
        else:
            out.append(tok)
    return out


def endpoint(addr, port):
    # tshark's conversation tables put no brackets around an IPv6 address.
    return addr if port is None else '%s:%s' % (addr, port)


def check_conv(text, header, rows):
    h = {name: i for i, name in enumerate(header)}
    ports = 'port_a' in h
    trows = [line for line in text.splitlines() if ' <-> ' in line]
    if len(trows) != len(rows):
        return ['conv: %d rows in the text, %d in the CSV' % (len(trows), len(rows))]
    problems = []
    for i, (line, c) in enumerate(zip(trows, rows)):
        left, right = line.split(' <-> ', 1)
        rt = right.split()
        a = endpoint(c[h['address_a']], c[h['port_a']] if ports else None)
        b = endpoint(c[h['address_b']], c[h['port_b']] if ports else None)
        got = [left.strip(), rt[0]] + join_units(rt[1:])
        want = [a, b, c[h['frames_ba']], format_bytes(int(c[h['bytes_ba']])),
                c[h['frames_ab']], format_bytes(int(c[h['bytes_ab']])),
                c[h['frames']], format_bytes(int(c[h['bytes']]))]
        if got[:8] != want:
            problems.append('row %d: text %s, CSV %s' % (i, got[:8], want))
        if len(got) != 10 or not near(got[8], c[h['rel_start']]) \
                or not near(got[9], c[h['duration']]):
            problems.append('row %d: times: text %s, CSV %s %s' % (i, got[8:], c[h['rel_start']],
                                                                   c[h['duration']]))
    return problems


def check_endpoints(text, header, rows):
    h = {name: i for i, name in enumerate(header)}
    ports = 'port' in h
    lines = text.splitlines()
    trows = []
    in_table = False
    for line in lines:
        if line.startswith('=') and in_table:
            break
        if '| Packets' in line or '|  Packets' in line:
            in_table = True
            continue
        if in_table and line.strip():
            trows.append(line.split())
    if len(trows) != len(rows):
        return ['endpoints: %d rows in the text, %d in the CSV' % (len(trows), len(rows))]
    problems = []
    names = ['frames', 'bytes', 'tx_frames', 'tx_bytes', 'rx_frames', 'rx_bytes']
    for i, (t, c) in enumerate(zip(trows, rows)):
        want = [c[h['address']]] + ([c[h['port']]] if ports else []) + [c[h[n]] for n in names]
        if t != want:
            problems.append('row %d: text %s, CSV %s' % (i, t, want))
    return problems


# ---- expert -------------------------------------------------------------------------------

SEVERITIES = {'Errors': 'error', 'Warns': 'warn', 'Notes': 'note', 'Chats': 'chat',
              'Comments': 'comment'}
EXPERT_ROW = re.compile(r'^\s*(\d+)\s+(\S+)\s+(\S+)\s\s(.*)$')


def check_expert(text, header, rows):
    trows = []
    totals = {}
    sev = None
    for line in text.splitlines():
        m = re.match(r'^(Errors|Warns|Notes|Chats|Comments) \((\d+)\)$', line)
        if m:
            sev = SEVERITIES[m.group(1)]
            totals[sev] = int(m.group(2))
            continue
        m = EXPERT_ROW.match(line)
        if m and sev:
            trows.append([sev, m.group(1), m.group(2), m.group(3), m.group(4)])
    problems = []
    if trows != rows:
        for i in range(max(len(trows), len(rows))):
            t = trows[i] if i < len(trows) else None
            c = rows[i] if i < len(rows) else None
            if t != c:
                problems.append('row %d: text %s, CSV %s' % (i, t, c))
    for s, n in totals.items():
        have = sum(int(r[1]) for r in rows if r[0] == s)
        if have != n:
            problems.append('%s: the text counts %d, the CSV rows add up to %d' % (s, n, have))
    return problems


# ---- io,phs -------------------------------------------------------------------------------


def check_phs(text, header, rows):
    trows = []
    path = []
    for line in text.splitlines():
        m = re.match(r'^( *)(\S+)\s+frames:(\d+) bytes:(\d+)$', line)
        if not m:
            continue
        name = m.group(2)
        if name.startswith('...'):
            # tshark stops indenting at its name column's width: "...pgsql" one level deeper.
            depth = len(path)
            name = name[3:]
        else:
            depth = len(m.group(1)) // 2
        path = path[:depth] + [name]
        trows.append([':'.join(path), m.group(3), m.group(4)])
    if trows == rows:
        return []
    return ['row %d: text %s, CSV %s' % (i, trows[i] if i < len(trows) else None,
                                         rows[i] if i < len(rows) else None)
            for i in range(max(len(trows), len(rows)))
            if (trows[i] if i < len(trows) else None) != (rows[i] if i < len(rows) else None)]


# ---- stats trees (http,tree, dns,tree, ...) -----------------------------------------------


def check_tree(text, header, rows):
    lines = text.splitlines()
    body = []
    dashes = 0
    for line in lines:
        if line.startswith('-----'):
            dashes += 1
            continue
        if dashes == 1 and line.strip():
            body.append(line)
    if len(body) != len(rows):
        return ['tree: %d rows in the text, %d in the CSV' % (len(body), len(rows))]
    problems = []
    for i, (line, c) in enumerate(zip(body, rows)):
        parts = c[0].split('/')
        # A path element may itself hold "/" (a URI, DNS's "Query/Response"): the name is the
        # shortest end of the path the text's line starts with, followed by a column gap.
        depth = len(line) - len(line.lstrip(' '))
        name = '/'.join(parts[depth:])
        for k in range(len(parts) - 1, -1, -1):
            tail = '/'.join(parts[k:])
            rest = line[depth:]
            if rest.startswith(tail) and (len(rest) == len(tail) or rest[len(tail)] == ' '):
                name = tail
                break
        if not line[depth:].startswith(name):
            problems.append('row %d: text %r, CSV name %r' % (i, line.strip(), name))
            continue
        got = line[depth + len(name):].split()
        # Empty cells are values the text leaves blank (no average, no rate for an empty tree).
        want = [v for v in c[1:7] if v] + [c[7] or '-', c[8] or '-']
        if len(got) != len(want) or not all(near(g, w) for g, w in zip(got, want)):
            problems.append('row %d: text %s, CSV %s' % (i, got, want))
    return problems


# ---- follow -------------------------------------------------------------------------------


def follow_text_chunks(text, mode):
    """(node, bytes) per chunk as the text shows them (ascii: the length and printable bytes)."""
    if mode == 'yaml':
        chunks = []
        cur = None
        for line in text.splitlines():
            m = re.match(r'^    peer: (\d)$', line)
            if m and cur is not None:
                cur[0] = int(m.group(1))
            if line.startswith('  - packet: '):
                cur = [0, b'', int(line.split(': ')[1])]
                chunks.append(cur)
            elif line.startswith('      ') and cur is not None:
                cur[1] += base64.b64decode(line.strip())
        return [(c[0], c[1], c[2]) for c in chunks]
    body = text.split('\n')
    # The five header lines after the separator, up to the closing separator.
    start = 0
    for i, line in enumerate(body):
        if line.startswith('Node 1: '):
            start = i + 1
            break
    rest = '\n'.join(body[start:])
    end = rest.rfind('=' * 67)
    rest = rest[:end] if end >= 0 else rest
    chunks = []
    if mode == 'raw':
        for line in rest.split('\n'):
            if line:
                node = 1 if line.startswith('\t') else 0
                chunks.append((node, bytes.fromhex(line.strip()), None))
        return chunks
    if mode == 'ascii':
        pos = 0
        while pos < len(rest):
            nl = rest.index('\n', pos)
            head = rest[pos:nl]
            node = 1 if head.startswith('\t') else 0
            n = int(head.strip())
            data = rest[nl + 1:nl + 1 + n]
            chunks.append((node, data.encode('latin-1', 'replace'), None))
            pos = nl + 1 + n + 1
        return chunks
    return None


def printable(data):
    return bytes(c if c in (10, 13) or 32 <= c < 127 else ord('.') for c in data)


def check_follow(stat, text, header, rows):
    mode = stat.split(',')[2]
    if mode not in ('ascii', 'raw', 'yaml'):
        # hex: offsets run per node across chunks, so chunk bounds do not show; the bytes do.
        per_node = {0: b'', 1: b''}
        for line in text.splitlines():
            node = 1 if line.startswith('\t') else 0
            line = line[node:]
            if re.match(r'^[0-9A-F]{8}  [0-9a-f]{2} ', line):
                # Sixteen bytes at most, in columns 10 to 58; the ASCII column follows.
                per_node[node] += bytes.fromhex(''.join(line[10:59].split()))
        want = {0: b'', 1: b''}
        for c in rows:
            want[int(c[1])] += bytes.fromhex(c[4])
        return [] if want == per_node else ['follow hex: the bytes per node differ']
    chunks = follow_text_chunks(text, mode)
    m = re.search(r',(\d+)(?:-(\d+))?$', stat) if stat.count(',') >= 4 else None
    lo, hi = 1, len(rows)
    if m and not re.search(r':\d+$', stat):
        lo = int(m.group(1))
        hi = int(m.group(2)) if m.group(2) else lo
    sel = rows[lo - 1:hi]
    if len(chunks) != len(sel):
        return ['follow: %d chunks in the text, %d in the CSV' % (len(chunks), len(sel))]
    problems = []
    for i, ((node, data, frame), c) in enumerate(zip(chunks, sel)):
        raw = bytes.fromhex(c[4])
        if int(c[3]) != len(raw):
            problems.append('chunk %d: length %s for %d bytes' % (i, c[3], len(raw)))
        want = printable(raw) if mode == 'ascii' else raw
        if node != int(c[1]) or data != want or (frame is not None and frame != int(c[0])):
            problems.append('chunk %d: text node %d frame %s %d bytes, CSV node %s frame %s %d '
                            'bytes' % (i, node, frame, len(data), c[1], c[0], len(raw)))
    return problems


def check(stat, text, csv_text):
    header, rows = csv_tables(csv_text)
    kind = stat.split(',')
    if stat.startswith('io,stat,'):
        return check_io_stat(text, header, rows)
    if kind[0] == 'conv':
        return check_conv(text, header, rows)
    if kind[0] == 'endpoints':
        return check_endpoints(text, header, rows)
    if kind[0] == 'expert':
        return check_expert(text, header, rows)
    if stat.startswith('io,phs'):
        return check_phs(text, header, rows)
    if len(kind) >= 2 and kind[1] == 'tree':
        return check_tree(text, header, rows)
    if kind[0] == 'follow':
        return check_follow(stat, text, header, rows)
    return 'unchecked'
