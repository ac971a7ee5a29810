#!/usr/bin/env python3
"""Display filters against tshark: the same frames, the same rejections.

usage: compare-filters.py [--stratoshark PATH] [--tshark PATH] [--cache-dir DIR]
                          [--filters FILE] [--report FILE] [--shared DIR] [--jobs N]
                          [--tz TZ] [CAPTURE ...]

Every filter of the table (tests/dfilter/filters.txt) runs with `-Y` over each capture, with
tshark and with stratoshark, and the frame numbers they print must be the same. A filter tshark
rejects must be rejected by stratoshark too, with the error at the place tshark underlines.

Captures: the ones given on the command line (default: data/samples/sample.pcapng and the
captures of tests/captures/), and a sample of about 30 files of the shared corpus (--shared,
default $SS_SHARED_CAPTURES). Each of the two sets is joined into one capture with `mergecap -a`,
so a filter costs two tshark runs whatever the number of files; differences are reported by
source file and frame.

tshark's answers are cached in --cache-dir by (capture checksum, filter, tshark version, TZ):
only the first run pays for tshark's start-up (~0.3 s per run). Both programs run with the same
TZ (default JST-9, so "local time" is not UTC and times without a zone are really tested).

The table:
    FILTER                      checked against tshark
    [ext] FILTER => EQUIVALENT  an extension tshark 4.0 refuses (xor, sets without commas):
                                stratoshark must accept FILTER and give tshark's frames for
                                EQUIVALENT
    # comment, blank lines

A disagreement on a filter that names a protocol or field stratoshark does not dissect yet
(unknown to `stratoshark -G fields`, or a protocol without fields) is counted as "skipped:
protocol not dissected" and listed. The last line is `dfilter-conformance: N passed, M failed`;
the exit status is 1 when M > 0, 77 when tshark is missing.
"""

import argparse
import concurrent.futures
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# A fixed sample of the shared corpus: Ethernet, Linux cooked, loopback and raw IP links; IPv4,
# IPv6 (extension headers), VLAN, ICMP, ICMPv6, TCP (handshakes, options, SACK, retransmissions),
# UDP, DNS over UDP and TCP. Files whose packets are mostly inside encapsulations StratoShark does
# not dissect yet (VXLAN, Geneve, QinQ) are left out: they test dissectors, not filters (that is
# tests/conformance/'s job). No two files share a TCP connection, so joining them does not make
# retransmissions of their own.
SHARED_SAMPLE = [
    'tcpdump/print-flags.pcap',
    'tcpdump/dns_tcp.pcap',
    'tcpdump/dns_udp.pcap',
    'tcpdump/dnssec.pcap',
    'tcpdump/edns-opts.pcap',
    'tcpdump/icmpv6.pcap',
    'tcpdump/ssh.pcap',
    'tcpdump/mptcp-fclose.pcap',
    'tcpdump/resp_1_benchmark.pcap',
    'tcpdump/quic_handshake.pcap',
    'tcpdump/icmp-rfc8335.pcap',
    'tcpdump/accecn_handshake.pcap',
    'tcpdump/tfo-5c1fa7f9ae91.pcap',
    'tcpdump/babel.pcap',
    'tcpdump/dhcpv4v6-rfc5970-rfc8572.pcap',
    'tcpdump/ntp-control.pcap',
    'tcpdump/LINKTYPE_RAW_ipv4.pcap',
    'tcpdump/LINKTYPE_IPV6.pcap',
    'tcpdump/ipv6-routing-header.pcap',
    'tcpdump/tcp-handshake-nano.pcap',
    'arkime/dns-udp.pcap',
    'arkime/dns-tcp.pcap',
    'arkime/http-301-get.pcap',
    'arkime/http-500-head.pcap',
    'zeek/tcp/option-sack.pcap',
    'zeek/tcp/fin_retransmission.pcap',
    'zeek/tcp/handshake-reorder.pcap',
    'zeek/dns/dns_extended_rcode.pcap',
    'pcapplusplus/PcapExamples/VlanPackets.pcap',
    'pcapplusplus/PcapExamples/DnsPackets.pcap',
    'pcapplusplus/PcapExamples/ICMPv6_echos.cap',
]

KEYWORDS = {'eq', 'ne', 'gt', 'ge', 'lt', 'le', 'contains', 'matches', 'and', 'or', 'not', 'in',
            'xor', 'any_eq', 'all_ne', 'all_eq', 'any_ne', 'len', 'count', 'lower', 'upper',
            'string', 'max', 'min', 'abs'}

TIMEOUT = 120


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, 'rb') as f:
        for chunk in iter(lambda: f.read(1 << 20), b''):
            h.update(chunk)
    return h.hexdigest()


def run(cmd, env):
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, env=env, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return -1, '', 'timeout after %d s' % TIMEOUT
    return (p.returncode, p.stdout.decode('utf-8', 'replace'),
            p.stderr.decode('utf-8', 'replace'))


def parse_error(stderr, prog):
    """The message of a filter error and the columns its underline covers (or None)."""
    lines = [l for l in stderr.splitlines() if not l.startswith('Running as user')]
    for i, line in enumerate(lines):
        if line.startswith(prog + ': '):
            err = {'message': line[len(prog) + 2:], 'start': None, 'len': None}
            if i + 2 < len(lines) and lines[i + 2].lstrip(' ').startswith('^'):
                under = lines[i + 2][4:]
                err['start'] = under.index('^')
                err['len'] = len(under.strip(' '))
            return err
    return {'message': stderr.strip() or 'no message', 'start': None, 'len': None}


def parse_frames(stdout):
    return sorted(int(l) for l in stdout.split() if l.strip().isdigit())


class Cache:
    """tshark's answers, one JSON file per capture (and one for filter validity)."""

    def __init__(self, directory):
        self.dir = directory
        self.lock = threading.Lock()
        self.data = {}
        self.dirty = set()
        self.puts = 0
        os.makedirs(directory, exist_ok=True)

    def _load(self, key):
        if key not in self.data:
            path = os.path.join(self.dir, key + '.json')
            try:
                with open(path) as f:
                    self.data[key] = json.load(f)
            except (OSError, ValueError):
                self.data[key] = {}
        return self.data[key]

    def get(self, key, filt):
        with self.lock:
            return self._load(key).get(filt)

    def put(self, key, filt, value):
        with self.lock:
            self._load(key)[filt] = value
            self.dirty.add(key)
            self.puts += 1
            # Save now and then, so an interrupted first run keeps most of its work.
            if self.puts % 200 == 0:
                self._save_locked()

    def _save_locked(self):
        for key in sorted(self.dirty):
            path = os.path.join(self.dir, key + '.json')
            fd, tmp = tempfile.mkstemp(dir=self.dir)
            with os.fdopen(fd, 'w') as f:
                json.dump(self.data[key], f, sort_keys=True)
            os.replace(tmp, path)
        self.dirty.clear()

    def save(self):
        with self.lock:
            self._save_locked()


def parse_table(path):
    entries = []
    with open(path, encoding='utf-8') as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip('\n')
            if not line.strip() or line.lstrip().startswith('#'):
                continue
            entry = {'line': n, 'filter': line, 'equivalent': None}
            if line.startswith('[ext] '):
                body = line[len('[ext] '):]
                if ' => ' not in body:
                    raise SystemExit('%s:%d: [ext] needs "FILTER => EQUIVALENT"' % (path, n))
                entry['filter'], entry['equivalent'] = body.split(' => ', 1)
            entries.append(entry)
    return entries


def field_names(prog, env):
    """Names a program's display filter knows, and those of protocols without fields."""
    rc, out, _ = run([prog, '-G', 'fields'], env)
    if rc != 0:
        return None, None
    names, protos, with_fields = set(), set(), set()
    for line in out.splitlines():
        parts = line.split('\t')
        if parts[0] == 'P' and len(parts) >= 3:
            names.add(parts[2])
            protos.add(parts[2])
        elif parts[0] == 'F' and len(parts) >= 5:
            names.add(parts[2])
            with_fields.add(parts[4])
    return names, protos - with_fields


def identifiers(text):
    text = re.sub(r'"(?:\\.|[^"\\])*"', ' ', text)
    return [m for m in re.findall(r'(?<![\w:.-])\.?([A-Za-z0-9_][\w-]*(?:\.[\w-]+)*)', text)
            if m not in KEYWORDS]


class Group:
    """One capture to run the filters on (possibly several files joined)."""

    def __init__(self, label, path, parts=None):
        self.label = label
        self.path = path
        self.parts = parts      # [(label, first frame, count)] for a joined capture
        self.sha = sha256_file(path)

    def where(self, frame):
        if not self.parts:
            return '%s#%d' % (self.label, frame)
        for label, first, count in self.parts:
            if first <= frame < first + count:
                return '%s#%d' % (label, frame - first + 1)
        return '%s#%d' % (self.label, frame)


CAPTURE_MAGICS = (b'\xa1\xb2\xc3\xd4', b'\xd4\xc3\xb2\xa1', b'\xa1\xb2\x3c\x4d',
                  b'\x4d\x3c\xb2\xa1', b'\x0a\x0d\x0d\x0a', b'\x1f\x8b')


def is_capture(path):
    try:
        with open(path, 'rb') as f:
            head = f.read(4)
    except OSError:
        return False
    return any(head.startswith(m) for m in CAPTURE_MAGICS)


def join(name, files, cache_dir, env, log):
    """One capture made of @files [(label, path)] with `mergecap -a`, so that each filter costs
    one tshark run for all of them; the files one by one when mergecap is missing or fails."""
    if len(files) <= 1 or not shutil.which('mergecap') or not shutil.which('capinfos'):
        return [Group(label, path) for label, path in files]
    key = hashlib.sha256(''.join(sha256_file(p) for _, p in files).encode()).hexdigest()[:16]
    joined = os.path.join(cache_dir, '%s-%s.pcapng' % (name, key))
    parts_file = joined + '.parts.json'
    if not (os.path.isfile(joined) and os.path.isfile(parts_file)):
        parts, first = [], 1
        for label, path in files:
            rc, out, _ = run(['capinfos', '-c', '-M', '-T', '-r', path], env)
            count = int(out.strip().split('\t')[-1]) if rc == 0 else 0
            parts.append((label, first, count))
            first += count
        tmp = joined + '.tmp'
        rc, _, err = run(['mergecap', '-a', '-F', 'pcapng', '-w', tmp] + [p for _, p in files],
                         env)
        if rc != 0:
            log('mergecap failed (%s); running the files one by one' % err.strip())
            return [Group(label, path) for label, path in files]
        os.replace(tmp, joined)
        with open(parts_file, 'w') as f:
            json.dump(parts, f)
    with open(parts_file) as f:
        parts = [tuple(p) for p in json.load(f)]
    return [Group('%s(%d files)' % (name, len(parts)), joined, parts)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--stratoshark', default=os.environ.get('STRATOSHARK'))
    ap.add_argument('--tshark', default='tshark')
    ap.add_argument('--cache-dir', default=os.path.join(
        os.environ.get('XDG_CACHE_HOME', os.path.expanduser('~/.cache')), 'stratoshark',
        'dfilter-tshark'))
    ap.add_argument('--filters', default=os.path.join(HERE, 'filters.txt'))
    ap.add_argument('--report')
    ap.add_argument('--shared', default=os.environ.get('SS_SHARED_CAPTURES', ''))
    ap.add_argument('--jobs', type=int, default=max(2, os.cpu_count() or 2))
    ap.add_argument('--tz', default='JST-9')
    ap.add_argument('captures', nargs='*')
    args = ap.parse_args()

    report = []

    def log(msg=''):
        print(msg, flush=True)
        report.append(msg)

    tshark = shutil.which(args.tshark)
    if not tshark:
        print('compare-filters: tshark is not installed; skipping')
        return 77
    if not args.stratoshark:
        for b in ('build', '_build', 'builddir'):
            p = os.path.join(ROOT, b, 'src', 'cli', 'stratoshark')
            if os.access(p, os.X_OK):
                args.stratoshark = p
                break
    if not args.stratoshark or not os.access(args.stratoshark, os.X_OK):
        print('compare-filters: no stratoshark binary (--stratoshark PATH)', file=sys.stderr)
        return 2

    env = dict(os.environ)
    env['TZ'] = args.tz
    env['LC_ALL'] = 'C'
    env.pop('LANGUAGE', None)

    rc, out, _ = run([tshark, '--version'], env)
    version = out.splitlines()[0] if out else 'unknown'
    vkey = re.sub(r'[^\w.]+', '_', (re.search(r'\d+\.\d+\.\d+', version) or
                                     re.search(r'.*', version)).group(0))
    cache = Cache(os.path.join(args.cache_dir, 'tshark-%s-%s' % (vkey, re.sub(r'\W', '_',
                                                                              args.tz))))

    own_dir = os.path.join(ROOT, 'tests', 'captures')
    captures = args.captures or (
        [os.path.join(ROOT, 'data', 'samples', 'sample.pcapng')] +
        sorted(os.path.join(own_dir, f) for f in
               (os.listdir(own_dir) if os.path.isdir(own_dir) else [])))
    own = [(os.path.relpath(c, ROOT) if c.startswith(ROOT) else c, c)
           for c in captures if os.path.isfile(c) and is_capture(c)]
    os.makedirs(args.cache_dir, exist_ok=True)
    groups = join('project', own, args.cache_dir, env, log)
    if args.shared and os.path.isdir(args.shared):
        shared = [('shared/' + rel, os.path.join(args.shared, rel)) for rel in SHARED_SAMPLE
                  if os.path.isfile(os.path.join(args.shared, rel))]
        groups += join('shared-sample', shared, args.cache_dir, env, log)
    else:
        log('no shared corpus (SS_SHARED_CAPTURES): project captures only')
    if not groups:
        print('compare-filters: no captures', file=sys.stderr)
        return 2

    entries = parse_table(args.filters)
    ours_names, ours_empty = field_names(args.stratoshark, env)
    ts_names = cache.get('glossary', 'names')
    if ts_names is None:
        names, _ = field_names(tshark, env)
        ts_names = sorted(names or [])
        cache.put('glossary', 'names', ts_names)
    ts_names = set(ts_names)

    log('%s; stratoshark %s; TZ=%s' % (version, args.stratoshark, args.tz))
    log('%d filters (%d lines of %s) over %d captures: %s' % (
        len(entries), len(entries), os.path.relpath(args.filters, ROOT), len(groups),
        ', '.join(g.label for g in groups)))

    missing = os.path.join(tempfile.gettempdir(), 'compare-filters-no-such-file.pcap')

    def tshark_validity(filt):
        got = cache.get('validity', filt)
        if got is None:
            rc, _, err = run([tshark, '-n', '-r', missing, '-Y', filt], env)
            if "doesn't exist" in err or 'could not be found' in err or rc == 0:
                got = {'valid': True}
            else:
                got = {'valid': False, 'error': parse_error(err, 'tshark')}
            cache.put('validity', filt, got)
        return got

    def tshark_frames(group, filt):
        got = cache.get(group.sha, filt)
        if got is None:
            rc, out, err = run([tshark, '-n', '-r', group.path, '-Y', filt, '-T', 'fields',
                                '-e', 'frame.number'], env)
            got = {'frames': parse_frames(out)} if rc == 0 else \
                {'error': parse_error(err, 'tshark'), 'rc': rc}
            cache.put(group.sha, filt, got)
        return got

    def ours(group, filt):
        rc, out, err = run([args.stratoshark, '-n', '-r', group.path, '-Y', filt, '-T', 'fields',
                            '-e', 'frame.number'], env)
        if rc == 0:
            return {'frames': parse_frames(out)}
        got = {'error': parse_error(err, 'stratoshark'), 'rc': rc}
        if rc < 0 or rc > 2:
            got['crash'] = 'exit %d: %s' % (rc, err.strip()[-300:])
        return got

    def not_dissected(entry):
        if ours_names is None:
            return []
        out = []
        for name in identifiers(entry['equivalent'] or entry['filter']):
            if name not in ts_names:
                continue
            proto = name.split('.')[0]
            if name not in ours_names or proto in ours_empty:
                out.append(name)
        return out

    # tshark first (in parallel, cached), then compare.
    jobs = []
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        validity = {}
        for e in entries:
            f = e['equivalent'] or e['filter']
            validity[f] = pool.submit(tshark_validity, f)
        for e in entries:
            f = e['equivalent'] or e['filter']
            if validity[f].result()['valid']:
                for g in groups:
                    jobs.append(pool.submit(tshark_frames, g, f))
        for j in jobs:
            j.result()
    cache.save()

    passed, failed, skipped = 0, [], []
    comparisons, message_diffs = 0, []

    def check(entry):
        filt = entry['filter']
        ref = entry['equivalent'] or filt
        problems = []
        v = validity[ref].result()
        if not v['valid']:
            if entry['equivalent']:
                return ['the equivalent filter is invalid for tshark: %s'
                        % v['error']['message']], 0
            mine = ours(groups[0], filt)
            if 'crash' in mine:
                return ['stratoshark crashed: %s' % mine['crash']], 1
            if 'frames' in mine:
                return ['tshark rejects it (%s) but stratoshark accepts it'
                        % v['error']['message']], 1
            te, oe = v['error'], mine['error']
            if te['start'] is not None and (te['start'], te['len']) != (oe['start'], oe['len']):
                problems.append('error span: tshark %s+%s, ours %s+%s ("%s" / "%s")' % (
                    te['start'], te['len'], oe['start'], oe['len'], te['message'],
                    oe['message']))
            if te['message'] != oe['message']:
                message_diffs.append('%s\n      tshark: %s\n      ours:   %s' % (
                    filt, te['message'], oe['message']))
            return problems, 1
        n = 0
        for g in groups:
            t = tshark_frames(g, ref)
            if 'frames' not in t:
                problems.append('%s: tshark failed: %s' % (g.label, t['error']['message']))
                continue
            mine = ours(g, filt)
            n += 1
            if 'crash' in mine:
                problems.append('%s: stratoshark crashed: %s' % (g.label, mine['crash']))
            elif 'frames' not in mine:
                problems.append('%s: stratoshark rejects it: %s' % (g.label,
                                                                     mine['error']['message']))
                break
            elif mine['frames'] != t['frames']:
                ts, os_ = set(t['frames']), set(mine['frames'])
                only_t = sorted(ts - os_)
                only_o = sorted(os_ - ts)
                problems.append('%s: tshark %d frames, ours %d; only tshark: %s; only ours: %s' % (
                    g.label, len(ts), len(os_),
                    ' '.join(g.where(x) for x in only_t[:8]) + (' ...' if len(only_t) > 8
                                                                 else ''),
                    ' '.join(g.where(x) for x in only_o[:8]) + (' ...' if len(only_o) > 8
                                                                 else '')))
        return problems, n

    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        results = list(pool.map(check, entries))

    log()
    for entry, result in zip(entries, results):
        problems, n = result
        comparisons += n
        label = entry['filter'] + ('  (=> %s)' % entry['equivalent'] if entry['equivalent']
                                   else '')
        if not problems:
            passed += 1
            continue
        nd = not_dissected(entry)
        if nd and not any('crashed' in p for p in problems):
            skipped.append((entry, label, nd, problems))
            continue
        failed.append(entry)
        log('DIFFERENCE line %d: %s' % (entry['line'], label))
        for p in problems:
            log('    ' + p)

    if skipped:
        log()
        log('skipped: protocol not dissected (%d):' % len(skipped))
        for entry, label, nd, problems in skipped:
            log('  line %d: %s  [%s]' % (entry['line'], label, ', '.join(sorted(set(nd)))))
    if message_diffs:
        log()
        log('error messages worded differently from tshark (not failures): %d' %
            len(message_diffs))
        for m in message_diffs:
            log('  ' + m)
    log()
    log('agreement: %d of %d filters (%d filter x capture comparisons of matching frames)' % (
        passed, len(entries), comparisons))
    log('dfilter-conformance: %d passed, %d failed%s' % (
        passed, len(failed), ', %d skipped' % len(skipped) if skipped else ''))
    if args.report:
        with open(args.report, 'w') as f:
            f.write('\n'.join(report) + '\n')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
