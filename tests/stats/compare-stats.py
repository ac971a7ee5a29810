#!/usr/bin/env python3
"""Conformance of StratoShark's `-q -z` statistics against tshark's.

For every capture file (files and folders on the command line, plus a deterministic sample of
--shared (default $SS_SHARED_CAPTURES) when given) and every statistic of the list, both programs
run once:

    PROG -n -r FILE -q -z STAT

PROG is `stratoshark` when it knows -z (probed once), otherwise the statistics driver
tests/stats/stats-run (--driver), which runs the same code without the rest of the CLI. tshark's
output, exit status and stderr are cached in --cache-dir by (sha256 of the file, the -z argument,
tshark version).

Each (file, statistic) pair is one check:
  pass      the text is byte-for-byte tshark's;
  layout    the numbers agree but the layout differs (every line compared as its words, with the
            table borders | = - removed): listed, not a failure;
  fail      the numbers differ: listed with a diff, and the exit status is 1;
  skip      tshark cannot read the file, or the statistic needs fields the dissectors do not
            have yet (the message says which).

With the CLI, every such pair is checked once more with `-T csv` (csv_check.py): the CSV must
carry the rows and numbers of the text output (a check of its own, "STAT csv").

The statistics beyond tshark (srt,http; srt,pgsql; http_ua,tree) are checked against values
computed here, independently, from tshark's per-packet `-T fields` output (http.time,
http.request_in, http.request.uri, http.user_agent; pgsql.time, pgsql.query), reading our
`-T json` output.

The last line is always `stats-conformance: N passed, M failed` (N includes layout-only
differences). Exit status: 0 when nothing failed and nothing crashed, 1 otherwise, 77 (meson's
"skipped") without tshark or without any capture.
"""

import argparse
import concurrent.futures
import difflib
import hashlib
import json
import math
import os
import re
import sys
import threading

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'conformance'))
import harness_common as hc  # noqa: E402
sys.path.insert(0, HERE)
import csv_check  # noqa: E402

SKIP = 77

# tshark-compatible statistics: the text is compared.
TSHARK_STATS = [
    'io,stat,1',
    'io,stat,0',
    'io,stat,0.1,tcp,udp',
    'io,stat,0.01,ip,!ip',
    # tshark 4.0 computes a field only when some filter of the command names it (otherwise the
    # column is 0; StratoShark always computes it): each field is also its column's filter.
    'io,stat,0.25,COUNT(tcp.analysis.retransmission)tcp.analysis.retransmission,'
    'SUM(frame.len)frame.len,MIN(tcp.window_size)tcp.window_size,MAX(tcp.len)tcp.len,'
    'AVG(ip.len)ip.len',
    # LOAD() is left out: tshark 4.0 divides by zero on it (SIGFPE) or loops on some captures.
    'io,stat,0.5,AVG(tcp.analysis.ack_rtt)tcp.analysis.ack_rtt,'
    'MAX(tcp.analysis.ack_rtt)tcp.analysis.ack_rtt,MIN(tcp.analysis.ack_rtt)tcp.analysis.ack_rtt,'
    'SUM(tcp.analysis.ack_rtt)tcp.analysis.ack_rtt',
    'conv,eth', 'conv,ip', 'conv,ipv6', 'conv,tcp', 'conv,udp',
    'endpoints,eth', 'endpoints,ip', 'endpoints,ipv6', 'endpoints,tcp', 'endpoints,udp',
    'conv,tcp,tcp.port == 80',
    'expert',
    'expert,warn',
    'io,phs',
    'follow,tcp,ascii,0', 'follow,tcp,hex,1', 'follow,tcp,raw,2', 'follow,tcp,yaml,0',
    'follow,udp,ascii,0', 'follow,udp,hex,1',
    'follow,http,ascii,0', 'follow,http,hex,1', 'follow,http,raw,2', 'follow,http,yaml,3',
    'follow,tls,ascii,0', 'follow,tls,yaml,1',
    'dns,tree', 'http,tree', 'http_req,tree', 'http_srv,tree',
]

# Statistics of our own, checked against tshark's per-packet fields.
OWN_STATS = ['srt,http', 'srt,http,query', 'http_ua,tree', 'srt,pgsql']

BORDER = re.compile(r'[|=\-]+')


def words(text):
    """The text as lines of words, table borders removed: what 'the numbers agree' means."""
    out = []
    for line in text.splitlines():
        w = BORDER.sub(' ', line).split()
        if w:
            out.append(w)
    return out


def diff_text(a, b, label_a, label_b, limit):
    lines = list(difflib.unified_diff(a.splitlines(), b.splitlines(), label_a, label_b,
                                      lineterm='', n=1))
    if limit and len(lines) > limit:
        lines = lines[:limit] + ['... (%d more diff lines)' % (len(lines) - limit)]
    return '\n'.join(lines)


def percentile(sorted_vals, p):
    """Nearest rank: the smallest value with at least p% of the values at or below it."""
    if not sorted_vals:
        return 0.0
    rank = max(1, math.ceil(p / 100.0 * len(sorted_vals)))
    return sorted_vals[min(rank, len(sorted_vals)) - 1]


class TsharkFailed(RuntimeError):
    """tshark crashed or hung: nothing to compare against."""


class Runner:
    def __init__(self, args, version, prog, prog_is_cli):
        self.args = args
        self.version = version
        self.prog = prog
        self.prog_is_cli = prog_is_cli
        self.cache = hc.Cache(args.cache_dir)
        self.lock = threading.Lock()
        self.tshark_runs = 0

    def tshark(self, path, file_sha, extra, tag):
        key = '%s-%s-%s-%s' % (tag, file_sha[:32], hc.sha256_text('\0'.join(extra))[:16],
                               hc.sha256_text(self.version)[:12])
        meta = self.cache.get(key)
        if meta is not None:
            return meta['rc'], meta['stdout'], meta['stderr']
        res = hc.run_watched([self.args.tshark, '-n', '-r', path] + extra,
                             self.args.tshark_timeout)
        with self.lock:
            self.tshark_runs += 1
        if res.timed_out or res.signal is not None or res.spawn_error:
            raise TsharkFailed('tshark ' + res.describe())
        err = hc.clean_tshark_stderr(res.stderr).decode('utf-8', 'replace')
        meta = {'rc': res.returncode, 'stderr': err, 'tshark': self.version, 'args': extra,
                'file': os.path.abspath(path)}
        self.cache.put(key, meta, res.stdout)
        return res.returncode, res.stdout, err

    def ours(self, path, extra):
        return hc.run_watched([self.prog, '-n', '-r', path] + extra, self.args.timeout)


class Report:
    def __init__(self, args):
        self.args = args
        self.lines = []
        self.counts = {'pass': 0, 'layout': 0, 'fail': 0, 'skip': 0, 'error': 0}
        self.per_stat = {}
        self.printed = 0
        self.skip_notes = set()

    def add(self, label, stat, kind, detail=''):
        self.counts[kind] += 1
        s = self.per_stat.setdefault(stat.split(',')[0] + ',' + stat.split(',')[1]
                                     if ',' in stat else stat, {})
        s[kind] = s.get(kind, 0) + 1
        if kind in ('pass',):
            return
        if kind == 'skip':
            note = '%s: %s' % (stat, detail)
            if note not in self.skip_notes:
                self.skip_notes.add(note)
            return
        entry = '%s: %s: %s%s' % (label, stat, kind.upper(), ('\n' + detail) if detail else '')
        self.lines.append(entry)
        if kind in ('fail', 'error') or self.args.show_layout:
            if self.printed < self.args.max_print:
                print(entry, flush=True)
                self.printed += 1


def http_fields_rows(runner, path, file_sha):
    fields = ['frame.number', 'http.request_in', 'http.time', 'http.request.uri',
              'http.request.method', 'http.user_agent', 'http.response.code']
    # Every occurrence (a frame may hold several pipelined requests or responses), joined by a
    # character no URI or User-Agent holds.
    extra = ['-T', 'fields', '-E', 'separator=/t', '-E', 'occurrence=a', '-E', 'aggregator=\x01']
    for f in fields:
        extra += ['-e', f]
    rc, out, err = runner.tshark(path, file_sha, extra, 'fields')
    rows = []
    for line in out.decode('utf-8', 'replace').splitlines():
        c = line.split('\t')
        row = dict(zip(fields, c + [''] * (len(fields) - len(c))))
        rows.append({k: v.split('\x01') if v else [] for k, v in row.items()})
    return rows


def expected_srt_http(rows, keep_query):
    """count/avg/min/max/p50/p95/p99 of http.time per URI path, from tshark's fields: the
    requests of a frame in order, each answered by the next response naming that frame."""
    uris_of = {}
    for r in rows:
        if r['http.request.uri']:
            uris_of[r['frame.number'][0]] = list(r['http.request.uri'])
    per = {}
    for r in rows:
        for t, req in zip(r['http.time'], r['http.request_in']):
            pending = uris_of.get(req)
            if not pending:
                continue
            uri = pending.pop(0)
            if not keep_query:
                uri = uri.split('?', 1)[0]
            per.setdefault(uri, []).append(float(t))
    out = {}
    for uri, vals in per.items():
        vals.sort()
        out[uri] = {'count': len(vals), 'avg': sum(vals) / len(vals), 'min': vals[0],
                    'max': vals[-1], 'p50': percentile(vals, 50), 'p95': percentile(vals, 95),
                    'p99': percentile(vals, 99)}
    return out


def expected_http_ua(rows):
    """Requests per (URI path, User-Agent), every request of a frame. A request without a
    User-Agent counts under ''; tshark lists only the headers present, so when some requests of
    a frame lack one, the pairing may be off and shows up as a difference to look at."""
    per = {}
    for r in rows:
        uas = r['http.user_agent'] + [''] * (len(r['http.request.uri']) - len(r['http.user_agent']))
        for uri, ua in zip(r['http.request.uri'], uas):
            key = (uri.split('?', 1)[0], ua)
            per[key] = per.get(key, 0) + 1
    return per


def normalize_sql(sql):
    """The same normalisation as ss_srt_normalize_sql(), written again from its description."""
    out = []
    i, n = 0, len(sql)
    space = False
    while i < n:
        c = sql[i]
        if c.isspace():
            space = bool(out)
            i += 1
            continue
        if c == '-' and sql[i + 1:i + 2] == '-':
            while i < n and sql[i] != '\n':
                i += 1
            continue
        if space:
            out.append(' ')
            space = False
        if c == "'":
            i += 1
            while i < n:
                if sql[i] == "'" and sql[i + 1:i + 2] == "'":
                    i += 2
                elif sql[i] == "'":
                    i += 1
                    break
                else:
                    i += 1
            out.append('?')
            continue
        prev = out[-1] if out else ''
        if c.isdigit() or (c == '-' and sql[i + 1:i + 2].isdigit() and
                           (not out or prev in '(=<>,+*/ ')):
            if not (prev and (prev.isalnum() or prev in '_$')):
                if c == '-':
                    i += 1
                while i < n and (sql[i].isalnum() or sql[i] == '.'):
                    i += 1
                out.append('?')
                continue
        out.append(c)
        i += 1
    s = ''.join(out)
    while '?, ?' in s:
        s = s.replace('?, ?', '?', 1)
    return s.rstrip(';')


def pgsql_queries(runner, path, file_sha):
    """Every pgsql.query tshark sees, normalised."""
    extra = ['-T', 'fields', '-E', 'occurrence=a', '-E', 'aggregator=\x1f', '-e', 'pgsql.query']
    rc, out, err = runner.tshark(path, file_sha, extra, 'fields')
    queries = []
    for line in out.decode('utf-8', 'replace').splitlines():
        queries += [normalize_sql(q) for q in line.split('\x1f') if q]
    return queries


def close(a, b):
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def check_own(runner, report, label, path, file_sha, stat):
    try:
        check_own_1(runner, report, label, path, file_sha, stat)
    except TsharkFailed as e:
        report.add(label, stat, 'skip', str(e))


def check_own_1(runner, report, label, path, file_sha, stat):
    res = runner.ours(path, ['-q', '-T', 'json', '-z', stat])
    if res.timed_out or res.signal is not None:
        report.add(label, stat, 'error', 'stratoshark ' + res.describe())
        return
    if res.returncode != 0:
        msg = res.stderr.decode('utf-8', 'replace').strip()
        report.add(label, stat, 'skip', msg.splitlines()[-1] if msg else 'exit %d'
                   % res.returncode)
        return
    try:
        data = json.loads(res.stdout.decode('utf-8', 'replace'))
        if isinstance(data, list):
            data = data[0]
    except ValueError as e:
        report.add(label, stat, 'fail', 'not JSON: %s' % e)
        return
    problems = []
    if stat.startswith('srt,http'):
        exp = expected_srt_http(http_fields_rows(runner, path, file_sha), 'query' in stat)
        got = {r['uri']: r for r in data.get('rows', [])}
        for uri in sorted(set(exp) | set(got)):
            e, g = exp.get(uri), got.get(uri)
            if e is None or g is None:
                problems.append('%s: expected %s, got %s' % (uri, e, g))
                continue
            for k in ('count', 'avg', 'min', 'max', 'p50', 'p95', 'p99'):
                if not close(float(e[k]), float(g[k])):
                    problems.append('%s %s: expected %s, got %s' % (uri, k, e[k], g[k]))
    elif stat.startswith('http_ua'):
        exp = expected_http_ua(http_fields_rows(runner, path, file_sha))
        got = {(r['uri'], r['user_agent']): r['count'] for r in data.get('rows', [])}
        for k in sorted(set(exp) | set(got)):
            if exp.get(k) != got.get(k):
                problems.append('%s: expected %s, got %s' % (k, exp.get(k), got.get(k)))
    elif stat.startswith('srt,pgsql'):
        # tshark 4.0 has no pgsql.time: only the queries can be checked (each of our rows is
        # a query tshark saw, counted at most as often as tshark saw it).
        seen = {}
        for q in pgsql_queries(runner, path, file_sha):
            seen[q] = seen.get(q, 0) + 1
        for r in data.get('rows', []):
            if r['count'] > seen.get(r['query'], 0):
                problems.append('%r: %d responses, tshark saw the query %d times'
                                % (r['query'], r['count'], seen.get(r['query'], 0)))
    if problems:
        report.add(label, stat, 'fail', '\n'.join('    ' + p for p in problems[:40]))
    else:
        report.add(label, stat, 'pass')


MAX_ROWS = 5000


def too_many_rows(runner, path, file_sha, stat):
    """io,stat with a small interval over a capture spanning years prints millions of rows (tshark
    takes hours): such pairs are skipped, judged from tshark's io,stat,0 duration."""
    m = re.match(r'io,stat,([0-9.]+)', stat)
    if not m or float(m.group(1)) == 0:
        return False
    rc, out, err = runner.tshark(path, file_sha, ['-q', '-z', 'io,stat,0'], 'zstat')
    d = re.search(rb'Duration: *([0-9.]+) secs', out)
    return bool(d) and float(d.group(1)) / float(m.group(1)) > MAX_ROWS


# Expert items StratoShark adds on purpose (README, "Differences from tshark"): HTTP 4xx/5xx
# responses, fatal TLS alerts, PostgreSQL error responses, certificates invalid at capture time.
INTENDED_EXPERT = re.compile(r'^\s*\d+\s+(Response\s+HTTP  HTTP [45]\d\d |Response\s+TLS  Fatal TLS '
                             r'alert|Response\s+PGSQL  |Security\s+X509AF  )')


def strip_intended_expert(text):
    """Our -z expert text without the expert items tshark does not have: their rows go, each
    severity's count is summed again, and a severity left without rows goes."""
    lines = text.split('\n')
    out = []
    i = 0
    while i < len(lines):
        m = re.match(r'^(Errors|Warns|Notes|Chats|Comments) \((\d+)\)$', lines[i])
        if not m:
            out.append(lines[i])
            i += 1
            continue
        head, j = lines[i:i + 3], i + 3
        rows = []
        while j < len(lines) and re.match(r'^\s*\d+\s', lines[j]):
            rows.append(lines[j])
            j += 1
        kept = [r for r in rows if not INTENDED_EXPERT.match(r)]
        if kept:
            head[0] = '%s (%d)' % (m.group(1), sum(int(r.split()[0]) for r in kept))
            out += head + kept
        elif out and out[-1] == '':
            out.pop()                       # the blank line before the dropped section
        i = j
    return '\n'.join(out)


def check_tshark_stat(runner, report, label, path, file_sha, stat):
    try:
        if too_many_rows(runner, path, file_sha, stat):
            report.add(label, stat, 'skip', 'more than %d intervals' % MAX_ROWS)
            return
        t_rc, t_out, t_err = runner.tshark(path, file_sha, ['-q', '-z', stat], 'zstat')
    except TsharkFailed as e:
        report.add(label, stat, 'skip', str(e))
        return
    except RuntimeError as e:
        report.add(label, stat, 'error', str(e))
        return
    if t_rc != 0 and not t_out.strip():
        report.add(label, stat, 'skip', 'tshark cannot read the file')
        return
    res = runner.ours(path, ['-q', '-z', stat])
    if res.timed_out or res.signal is not None or res.spawn_error:
        report.add(label, stat, 'error', 'stratoshark ' + res.describe())
        return
    sani = hc.sanitizer_report(res.stderr)
    if sani:
        report.add(label, stat, 'error', 'sanitizer: ' + sani)
        return
    if res.returncode != 0 and not res.stdout:
        msg = res.stderr.decode('utf-8', 'replace').strip()
        if 'no dissector provides' in msg:
            report.add(label, stat, 'skip', msg.splitlines()[-1])
        else:
            report.add(label, stat, 'fail', 'stratoshark exit %d: %s' % (res.returncode, msg))
        return
    tt = t_out.decode('utf-8', 'replace')
    full = ot = res.stdout.decode('utf-8', 'replace')
    if stat.split(',')[0] == 'expert':
        ot = strip_intended_expert(ot)
    if tt == ot:
        report.add(label, stat, 'pass')
    elif words(tt) == words(ot):
        report.add(label, stat, 'layout', diff_text(tt, ot, 'tshark', 'ours', 40))
    else:
        report.add(label, stat, 'fail', diff_text(tt, ot, 'tshark', 'ours', 60))
    if runner.prog_is_cli:
        check_csv(runner, report, label, path, stat, full)


def check_csv(runner, report, label, path, stat, text):
    """`-T csv` against the text just compared with tshark's: the same rows, the same numbers
    (csv_check.py). Counted as its own check, "STAT csv"."""
    res = runner.ours(path, ['-T', 'csv', '-z', stat])
    if res.timed_out or res.signal is not None or res.spawn_error or res.returncode != 0:
        report.add(label, stat + ' csv', 'fail', 'stratoshark -T csv ' + res.describe()
                   if res.timed_out or res.signal is not None or res.spawn_error
                   else 'stratoshark -T csv exit %d' % res.returncode)
        return
    problems = csv_check.check(stat, text, res.stdout.decode('utf-8', 'replace'))
    if problems == 'unchecked':
        return
    if problems:
        report.add(label, stat + ' csv', 'fail', '\n'.join('    ' + p for p in problems[:20]))
    else:
        report.add(label, stat + ' csv', 'pass')


def pick_shared(folder, n):
    files, _ = hc.collect_files([folder], True)
    if n <= 0 or len(files) <= n:
        return files
    # A deterministic spread plus the captures the statistics care most about.
    wanted = ('http', 'dns', 'tcp', 'ssh', 'tls', 'pgsql', 'postgres', 'udp', 'sample')
    scored = sorted(files, key=lambda lp: hashlib.sha256(lp[0].encode()).hexdigest())
    chosen = [lp for lp in scored if any(w in lp[0].lower() for w in wanted)][:n // 2]
    for lp in scored:
        if len(chosen) >= n:
            break
        if lp not in chosen:
            chosen.append(lp)
    return sorted(chosen)


def probe_cli(path, sample):
    if not path or not sample:
        return False
    res = hc.run_watched([path, '-n', '-r', sample, '-q', '-z', 'io,stat,0'], 60)
    return res.returncode == 0 and b'IO Statistics' in res.stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--stratoshark', default='', help='the CLI (used when it knows -z)')
    ap.add_argument('--driver', default='', help='tests/stats/stats-run, the fallback')
    ap.add_argument('--tshark', default='tshark')
    ap.add_argument('--cache-dir', default='')
    ap.add_argument('--shared', default=os.environ.get('SS_SHARED_CAPTURES', ''),
                    help='the shared corpus (default $SS_SHARED_CAPTURES)')
    ap.add_argument('--shared-sample', type=int, default=40,
                    help='how many shared captures to use (0: all)')
    ap.add_argument('--stat', action='append', default=[],
                    help='only these statistics (repeatable; default: all)')
    ap.add_argument('--report', default='', help='write every difference here')
    ap.add_argument('--max-print', type=int, default=30)
    ap.add_argument('--show-layout', action='store_true', help='print layout differences too')
    ap.add_argument('--jobs', type=int, default=max(1, min(4, os.cpu_count() or 1)))
    ap.add_argument('--timeout', type=float, default=120)
    ap.add_argument('--max-failures', type=int, default=0,
                    help='known differences tolerated (each listed in the report); more fail')
    ap.add_argument('--tshark-timeout', type=float, default=300)
    ap.add_argument('paths', nargs='*')
    args = ap.parse_args()

    tshark = hc.find_tshark(args.tshark)
    if not tshark:
        print('stats-conformance: tshark not found, skipped')
        print('stats-conformance: 0 passed, 0 failed')
        return SKIP
    args.tshark = tshark
    version = hc.tshark_version(tshark) or 'unknown'

    files, missing = hc.collect_files(args.paths, True)
    for m in missing:
        print('note: %s does not exist' % m)
    if args.shared and os.path.isdir(args.shared):
        files += pick_shared(args.shared, args.shared_sample)
    if not files:
        print('stats-conformance: no capture files, skipped')
        print('stats-conformance: 0 passed, 0 failed')
        return SKIP

    prog_is_cli = probe_cli(args.stratoshark, files[0][1])
    prog = args.stratoshark if prog_is_cli else args.driver
    if not prog:
        print('stats-conformance: stratoshark does not know -z yet and no --driver given')
        return 1
    print('stats-conformance: %s (%s), %s, %d files' % (
        prog, 'CLI' if prog_is_cli else 'statistics driver', version, len(files)), flush=True)

    stats = args.stat or (TSHARK_STATS + OWN_STATS)
    runner = Runner(args, version, prog, prog_is_cli)
    report = Report(args)
    rlock = threading.Lock()

    def job(label, path):
        try:
            sha = hc.sha256_file(path)
        except OSError as e:
            with rlock:
                report.add(label, '-', 'error', str(e))
            return
        local = Report(args)
        local.printed = args.max_print   # print from the shared report only
        for stat in stats:
            if stat in OWN_STATS or stat.split(',')[0] == 'srt' or stat.startswith('http_ua'):
                check_own(runner, local, label, path, sha, stat)
            else:
                check_tshark_stat(runner, local, label, path, sha, stat)
        with rlock:
            for k, v in local.counts.items():
                report.counts[k] += v
            for k, d in local.per_stat.items():
                s = report.per_stat.setdefault(k, {})
                for kk, vv in d.items():
                    s[kk] = s.get(kk, 0) + vv
            report.skip_notes |= local.skip_notes
            for entry in local.lines:
                report.lines.append(entry)
                kind = entry.split(': ', 2)[2].split('\n')[0] if entry.count(': ') >= 2 else ''
                if (kind in ('FAIL', 'ERROR') or args.show_layout) \
                        and report.printed < args.max_print:
                    print(entry, flush=True)
                    report.printed += 1

    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as ex:
        list(ex.map(lambda lp: job(*lp), files))

    if args.report:
        with open(args.report, 'w', encoding='utf-8') as f:
            f.write('\n\n'.join(report.lines) + '\n')
    print('\nper statistic (pass/layout/fail/skip/error):')
    for k in sorted(report.per_stat):
        d = report.per_stat[k]
        print('  %-16s %4d %4d %4d %4d %4d' % (k, d.get('pass', 0), d.get('layout', 0),
                                                 d.get('fail', 0), d.get('skip', 0),
                                                 d.get('error', 0)))
    for note in sorted(report.skip_notes)[:20]:
        print('skipped: %s' % note)
    print('tshark runs: %d (the rest came from the cache %s)' % (runner.tshark_runs,
                                                                 args.cache_dir or '(none)'))
    c = report.counts
    passed = c['pass'] + c['layout']
    failed = c['fail'] + c['error']
    print('stats-conformance: %d passed, %d failed' % (passed, failed))
    if failed and failed <= args.max_failures and not c['error']:
        print('stats-conformance: %d known differences (at most %d tolerated), see the report'
              % (failed, args.max_failures))
        return 0
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
