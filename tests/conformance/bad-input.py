#!/usr/bin/env python3
"""Robustness of stratoshark on every file it may be handed, good or broken.

For every file under the given paths (all files, not only captures: README.md and INDEX files are
"unknown format" inputs too) plus synthetic broken files made in a temporary directory, this runs

    stratoshark -n -r FILE -V -x          (stdout to /dev/null: the most code exercised)

with a hang watchdog, two at a time, and checks that it
  - is not killed by a signal (crash) and does not hang (--timeout, not a performance limit);
  - leaves no sanitizer report (with --asan: exit 99, "AddressSanitizer", "runtime error:", ...);
  - exits 0 when tshark reads the file fine (tshark exit 0), and exits non-zero with a non-empty
    message on stderr when tshark refuses it or stops early (exit != 0);
  - keeps its peak RSS under --max-rss-mb (200 MB) on inputs that claim absurd sizes (the pcap
    whose first record says caplen 0xFFFFFFFF): a reader must not allocate what a header claims.

tshark's verdict ("exit status of `tshark -n -r FILE -T fields -e frame.number`") is cached in
--cache-dir by (sha256 of the file, tshark version); compare-fields.py writes the same entries, so
after a conformance run this one needs no tshark run at all.  When tshark is missing, the synthetic
files use the verdicts measured with tshark 4.0.17 (listed below) and the other files are only
checked for crashes, hangs and sanitizer reports.

Measured tshark 4.0.17 verdicts for the synthetic files (`tshark -n -r F`):
  empty file (0 bytes)              exit 0, no output, no message
  10 random bytes                   exit 2  "isn't a capture file in a format TShark understands"
  pcap header only                  exit 0, no output
  wrong magic                       exit 2  "isn't a capture file in a format TShark understands"
  first record caplen 0xFFFFFFFF    exit 2  "appears to be damaged or corrupt. (pcap: File has
                                            4294967295-byte packet, bigger than maximum of 262144)"
  pcapng EPB block length 0x7FFFFFF0 exit 2 "damaged or corrupt. (pcapng: total block length
                                            2147483632 is too large (> 134348832))"
  pcapng EPB block length 16        exit 2  "(pcapng: total block length 16 of an EPB is less than
                                            the minimum EPB size 32)"
  pcapng block lengths differ       exit 2  "(pcapng: total block lengths (first 96 and second 8)
                                            don't match)"
  pcap cut in the middle of a record exit 2 after printing the complete frames: "appears to have
                                            been cut short in the middle of a packet."
  gzip'd pcap cut in half           exit 2 after printing the frames before the cut ("cut short")

The last line is `bad-input: N passed, M failed` (files); the exit status is 1 on any failure.
"""

import argparse
import concurrent.futures
import gzip
import os
import random
import re
import shutil
import struct
import sys
import tempfile
import threading

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness_common as hc  # noqa: E402


# ---------------------------------------------------------------------------------------------
# Synthetic broken files
# ---------------------------------------------------------------------------------------------

def _pcap_header(magic=0xa1b2c3d4, snaplen=65535, linktype=1):
    return struct.pack('<IHHiIII', magic, 2, 4, 0, 0, snaplen, linktype)


def _pcap_record(ts, data, caplen=None, origlen=None):
    caplen = len(data) if caplen is None else caplen
    origlen = len(data) if origlen is None else origlen
    return struct.pack('<IIII', ts, 0, caplen, origlen) + data


def _frame(i):
    """A 74-byte Ethernet/IPv4/UDP frame (checksums zero: tshark does not verify them)."""
    payload = b'stratoshark-bad-input-%05d-' % i + bytes(range(16))
    udp = struct.pack('!HHHH', 40000 + i % 100, 53, 8 + len(payload), 0) + payload
    ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(udp), i & 0xffff, 0, 64, 17, 0,
                     bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2])) + udp
    return bytes.fromhex('020000000002020000000001') + b'\x08\x00' + ip


def _pcapng_block(btype, body, length=None, trailer=None):
    total = 12 + len(body)
    return (struct.pack('<II', btype, total if length is None else length) + body
            + struct.pack('<I', total if trailer is None else trailer))


def _pcapng_shb_idb():
    shb = _pcapng_block(0x0A0D0D0A, struct.pack('<IHHq', 0x1A2B3C4D, 1, 0, -1))
    idb = _pcapng_block(1, struct.pack('<HHI', 1, 0, 65535))
    return shb + idb


def _pcapng_epb(i, length=None, trailer=None):
    data = _frame(i)
    pad = (-len(data)) % 4
    body = struct.pack('<IIIII', 0, 0, 1000 + i, len(data), len(data)) + data + b'\0' * pad
    return _pcapng_block(6, body, length, trailer)


def synthetic_files():
    """(name, content, tshark 4.0.17 exit status, max RSS in MB or None)."""
    rng = random.Random(20240611)
    two = _pcap_header() + _pcap_record(1, _frame(1)) + _pcap_record(2, _frame(2))
    many = _pcap_header() + b''.join(_pcap_record(i, _frame(i)) for i in range(400))
    gz = gzip.compress(many, compresslevel=6, mtime=0)
    epb1 = _pcapng_epb(1)
    files = [
        ('empty', b'', 0, None),
        ('random-10-bytes', bytes(rng.randrange(256) for _ in range(10)), 2, None),
        ('pcap-header-only.pcap', _pcap_header(), 0, None),
        ('wrong-magic.pcap', struct.pack('<I', 0xdeadbeef) + two[4:], 2, None),
        ('pcap-caplen-4GiB.pcap',
         _pcap_header() + _pcap_record(1, _frame(1), caplen=0xFFFFFFFF, origlen=0xFFFFFFFF), 2,
         200),
        ('pcapng-block-length-huge.pcapng',
         _pcapng_shb_idb() + _pcapng_epb(1, length=0x7FFFFFF0) + epb1, 2, 200),
        ('pcapng-block-length-too-small.pcapng',
         _pcapng_shb_idb() + _pcapng_epb(1, length=16) + epb1, 2, None),
        ('pcapng-block-lengths-differ.pcapng',
         _pcapng_shb_idb() + _pcapng_epb(1, length=len(epb1) + 4) + epb1, 2, None),
        ('pcap-cut-mid-record.pcap', two[:-20], 2, None),
        ('gzip-cut-in-half.pcap.gz', gz[:len(gz) // 2], 2, None),
    ]
    return files


# ---------------------------------------------------------------------------------------------

PROBLEM_KINDS = (
    (r'^crashed', 'crash'),
    (r'^hung', 'hang'),
    (r'^could not start', 'cannot start'),
    (r'^sanitizer', 'sanitizer report'),
    (r'^exit 0 but tshark exits', 'exit 0 where tshark fails'),
    (r'but tshark reads it fine', 'error where tshark reads it'),
    (r'empty stderr', 'error without a message'),
    (r'^exit \d+ where tshark exits', 'other exit status than tshark'),
    (r'^peak RSS', 'memory'),
)


class Verdict:
    """What tshark says about a file: exit status and first line of stderr (None: unknown)."""

    def __init__(self, rc=None, message=''):
        self.rc = rc
        self.message = message


class Checker:
    def __init__(self, args, tshark, version):
        self.args = args
        self.tshark = tshark
        self.version = version
        self.cache = hc.Cache(args.cache_dir)
        self.env = hc.sanitizer_env() if args.asan else None
        self.tshark_runs = 0
        self.lock = threading.Lock()

    def tshark_verdict(self, path, fallback_rc):
        if not self.tshark:
            return Verdict(fallback_rc, '(tshark missing: verdict measured with 4.0.17)'
                           if fallback_rc is not None else '')
        sha = hc.sha256_file(path)
        key = hc.status_key(sha, self.version)
        meta = self.cache.get(key, want_stdout=False)
        if meta is None:
            res = hc.run_watched([self.tshark, '-n', '-r', path, '-T', 'fields',
                                  '-e', 'frame.number'], self.args.tshark_timeout)
            with self.lock:
                self.tshark_runs += 1
            if res.timed_out or res.signal is not None or res.spawn_error:
                return Verdict(None, 'tshark ' + res.describe())
            err = hc.clean_tshark_stderr(res.stderr).decode('utf-8', 'surrogateescape')
            meta = {'rc': res.returncode, 'stderr': err, 'frames': res.stdout.count(b'\n'),
                    'tshark': self.version}
            self.cache.put(key, meta)
        first = meta['stderr'].splitlines()
        return Verdict(meta['rc'], first[0] if first else '')

    def check(self, label, path, fallback_rc=None, max_rss_mb=None):
        verdict = self.tshark_verdict(path, fallback_rc)
        cmd = [self.args.stratoshark, '-n', '-r', path, '-V', '-x']
        res = hc.run_watched(cmd, self.args.timeout, env=self.env, capture_stdout=False)
        problems, notes = [], []
        err_text = hc.clean_tshark_stderr(res.stderr).decode('utf-8', 'backslashreplace').strip()
        sani = hc.sanitizer_report(res.stderr)
        if res.spawn_error or res.timed_out or res.signal is not None:
            problems.append(res.describe())
        if sani or res.returncode == hc.SANITIZER_EXIT:
            problems.append('sanitizer report: %s' % (sani or 'exit %d' % res.returncode))
        if not problems and verdict.rc is not None:
            # Two differences from tshark on purpose (README, "Differences from tshark"):
            # a zero-byte file is not a capture, so it is an error with a message; and a link
            # type libwiretap does not know is shown frame by frame as data instead of refused.
            if (verdict.rc == 0 and res.returncode != 0 and err_text
                    and os.path.getsize(path) == 0):
                notes.append('intended: empty file is an error (tshark: 0 packets)')
            elif (verdict.rc != 0 and res.returncode == 0
                    and ('unknown or unsupported' in verdict.message
                         or "contains record data that TShark doesn't support" in verdict.message)):
                notes.append('intended: unknown link type shown as data (tshark: %s)'
                             % verdict.message)
            elif verdict.rc == 0 and res.returncode != 0:
                problems.append('exit %d but tshark reads it fine (exit 0)' % res.returncode)
            elif verdict.rc != 0 and res.returncode == 0:
                problems.append('exit 0 but tshark exits %d (%s)' % (verdict.rc,
                                                                    verdict.message))
            elif verdict.rc != 0 and not err_text:
                problems.append('exit %d with an empty stderr (tshark: %s)'
                                % (res.returncode, verdict.message))
            elif verdict.rc != res.returncode:
                msg = 'exit %d where tshark exits %d' % (res.returncode, verdict.rc)
                (problems if self.args.exact_status else notes).append(msg)
        rss_mb = res.maxrss_kb / 1024.0
        floor_mb = res.rss_floor_kb / 1024.0
        if max_rss_mb is not None and rss_mb >= max_rss_mb:
            problems.append('peak RSS %.1f MB >= %d MB' % (rss_mb, max_rss_mb))
        if problems and err_text:
            tail = err_text.splitlines()[-3:]
            problems[-1] += ' | stderr: ' + ' / '.join(t[:200] for t in tail)
        return {'label': label, 'problems': problems, 'notes': notes, 'rc': res.returncode,
                'tshark_rc': verdict.rc, 'elapsed': res.elapsed, 'rss_mb': rss_mb,
                'rss_floor_mb': floor_mb,
                'stderr': err_text.splitlines()[0][:200] if err_text else '',
                'max_rss_mb': max_rss_mb}


def show_rss(r):
    """Peak RSS; at or under the harness's own peak it is only an upper bound."""
    if r['rss_mb'] > r['rss_floor_mb'] + 0.5:
        return '%.1f MB' % r['rss_mb']
    return '<= %.0f MB (harness floor)' % (r['rss_floor_mb'] + 0.5)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--stratoshark', required=True)
    ap.add_argument('--tshark', default='tshark', help='reference for "is this file readable"')
    ap.add_argument('--cache-dir', default='', help='cache of tshark verdicts (shared with '
                    'compare-fields.py)')
    # A hang watchdog, not a speed limit: -V -x of a few large HTTP captures takes tens of
    # seconds under a sanitizer (issue 4's note lists the slow full-tree path).
    ap.add_argument('--timeout', type=float, default=240.0, help='hang watchdog per file (s)')
    ap.add_argument('--tshark-timeout', type=float, default=600.0)
    ap.add_argument('--jobs', '-j', type=int, default=2)
    ap.add_argument('--max-rss-mb', type=int, default=200,
                    help='peak RSS limit for the absurd-size synthetic inputs')
    ap.add_argument('--asan', action='store_true',
                    help='set ASAN_OPTIONS/UBSAN_OPTIONS so sanitizer reports exit 99')
    ap.add_argument('--exact-status', action='store_true',
                    help="also fail when the non-zero exit status differs from tshark's")
    ap.add_argument('--no-synthetic', action='store_true', help='skip the synthetic files')
    ap.add_argument('--verbose', '-v', action='store_true', help='one line per file')
    ap.add_argument('paths', nargs='*', help='files and directories (recursed, every file)')
    args = ap.parse_args()
    args.stratoshark = os.path.abspath(args.stratoshark)

    if not (os.path.isfile(args.stratoshark) and os.access(args.stratoshark, os.X_OK)):
        print('FAIL: stratoshark %r is not an executable file' % args.stratoshark)
        print('bad-input: 0 passed, 1 failed')
        return 1
    tshark = hc.find_tshark(args.tshark)
    version = hc.tshark_version(tshark) if tshark else None
    if not version:
        tshark = None
        print('note: tshark not found: corpus files are only checked for crashes and hangs')

    files, missing = hc.collect_files(args.paths, captures_only=False)
    for m in missing:
        print('warning: %s does not exist' % m)
    tmpdir = tempfile.mkdtemp(prefix='stratoshark-bad-input-')
    jobs = [(label, path, None, None) for label, path in files]
    if not args.no_synthetic:
        for name, content, rc, rss in synthetic_files():
            p = os.path.join(tmpdir, name)
            with open(p, 'wb') as f:
                f.write(content)
            jobs.append(('synthetic/' + name, p, rc, rss))
    if not jobs:
        print('SKIP: nothing to run')
        print('bad-input: 0 passed, 0 failed')
        return 77

    print('bad-input: %d files (%d synthetic), stratoshark %s, tshark %s%s'
          % (len(jobs), 0 if args.no_synthetic else len(jobs) - len(files), args.stratoshark,
             version or '(none)', ', sanitizer options on' if args.asan else ''), flush=True)
    checker = Checker(args, tshark, version)
    results = []
    try:
        with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as ex:
            for r in ex.map(lambda j: checker.check(*j), jobs):
                results.append(r)
                if r['problems']:
                    print('FAIL %s: %s' % (r['label'], '; '.join(r['problems'])), flush=True)
                elif args.verbose or r['notes'] or r['max_rss_mb']:
                    extra = '; '.join(r['notes'])
                    if r['max_rss_mb']:
                        extra = ('peak RSS %s; ' % show_rss(r)) + extra
                    print('ok   %s: exit %d (tshark %s) %.2f s %s%s' % (
                        r['label'], r['rc'], r['tshark_rc'], r['elapsed'], extra,
                        (' | ' + r['stderr']) if r['stderr'] and args.verbose else ''),
                        flush=True)
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)

    failed = [r for r in results if r['problems']]
    passed = len(results) - len(failed)
    readable = [r for r in results if r['tshark_rc'] == 0]
    refused = [r for r in results if r['tshark_rc'] not in (0, None)]
    unknown = [r for r in results if r['tshark_rc'] is None]
    noted = [r for r in results if r['notes']]
    print()
    print('tshark verdicts: %d readable (exit 0), %d refused or cut short (exit != 0), %d unknown;'
          ' tshark runs: %d' % (len(readable), len(refused), len(unknown), checker.tshark_runs))
    kinds = {}
    for r in failed:
        for p in r['problems']:
            k = next((name for pattern, name in PROBLEM_KINDS if re.search(pattern, p)), 'other')
            kinds[k] = kinds.get(k, 0) + 1
    if kinds:
        print('failures by kind: ' + ', '.join('%s %d' % kv for kv in sorted(kinds.items())))
    if noted:
        print('%d files exit with another non-zero status than tshark (not a failure without '
              '--exact-status), e.g. %s' % (len(noted), '; '.join(
                  '%s: %s' % (r['label'], r['notes'][0]) for r in noted[:5])))
    slow = sorted(results, key=lambda r: -r['elapsed'])[:5]
    print('slowest: ' + ', '.join('%s %.2f s' % (r['label'], r['elapsed']) for r in slow))
    big = sorted(results, key=lambda r: -r['rss_mb'])[:5]
    print('largest peak RSS: ' + ', '.join('%s %s' % (r['label'], show_rss(r)) for r in big))
    print('bad-input: %d passed, %d failed' % (passed, len(failed)))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
