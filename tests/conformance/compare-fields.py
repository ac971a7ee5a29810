#!/usr/bin/env python3
"""Conformance of `stratoshark -T fields` against tshark, value by value.

For every capture file (files and directories given on the command line; a directory is searched
recursively and a file is taken when its content starts with a pcap, pcapng, gzip, zstd or lz4
magic number) both programs run once with every field of the field list:

    PROG -n -r FILE -T fields -E header=n -E separator=/t -E occurrence=a -E aggregator=, \
         [--arg ...] -e f1 -e f2 ...

tshark keeps its default preferences (-n only turns name resolution off).  tshark's output, exit
status and stderr are cached in --cache-dir by (sha256 of the file, sha256 of the field list and
extra arguments, tshark version), since every tshark start costs ~0.3 s.

Outputs are compared line by line (one line per frame) and field by field.  A "compared value" is
a (frame, field) pair where at least one side is non-empty; it agrees when both are byte-for-byte
equal.  Every file also adds one value for its frame count (pseudo-field "<frames>"), so missing or
extra lines always show up.  Every disagreement goes to the --report file as
    file:frame:field: tshark='...' ours='...'
and the first --max-print of them to stdout.

Files tshark cannot read at all (it exits non-zero without printing a frame, e.g. "network type
281 unknown or unsupported") are left out of the value comparison and counted separately;
stratoshark must still not crash or hang on them.  Files tshark reads partly (cut short) are
compared on the frames tshark printed.

Exit status: 0 when overall agreement >= --min-agreement and stratoshark never crashed (killed by a
signal or a sanitizer report) or hung (watchdog --timeout per file, not a performance limit);
1 otherwise; 77 (meson's "skipped") when tshark is not installed, no capture path exists or no
capture file was found.  The last line is always `conformance: N passed, M failed` with N the
agreeing and M the disagreeing values.

tshark 4.0.17 behaviour the CLI has to mirror (measured with `tshark -n -r FILE ...`; the
"Running as user root" warning tshark prints as root is not part of it):
  missing file            exit 2  `tshark: The file "F" doesn't exist.`
  unknown option          exit 1  `tshark: unrecognized option: bogus-opt`, then the usage text
  invalid -e field        exit 1  `tshark: Some fields aren't valid:` + one `\\tNAME` line each
  -T fields without -e    exit 1  `tshark: "-Tfields" was specified, but no fields were
                                  specified with "-e".`
  invalid -T value        exit 1  `tshark: Invalid -T parameter "X"; it must be one of: ...`
  invalid -E option       exit 1  `tshark: "occurrence" is not a valid field output
                                  option=value pair.` + the list of -E options
  -c 0                    exit 1  `tshark: The specified packet count is zero`
  bad -Y filter           exit 2  e.g. `tshark: Unexpected end of filter expression.`
  -w into a missing dir   exit 2  `tshark: The path to the file "F" doesn't exist.`
  file cut short          exit 2  after printing every complete frame:
                                  `tshark: The file "F" appears to have been cut short in the
                                  middle of a packet.` (also a gzip file cut in half)
  unknown format          exit 2  `tshark: The file "F" isn't a capture file in a format TShark
                                  understands.` (text, 10 random bytes, wrong magic)
  unsupported link type   exit 2  `tshark: The file "F" contains record data that TShark doesn't
                                  support.` + `(pcap: network type 281 unknown or unsupported)`
  damaged file            exit 2  `tshark: The file "F" appears to be damaged or corrupt.` +
                                  `(pcap: File has 4294967295-byte packet, bigger than maximum
                                  of 262144)` or `(pcapng: total block length 2147483632 is too
                                  large (> 134348832))` / `(pcapng: total block lengths (first 96
                                  and second 8) don't match)`
  empty (0-byte) file, pcap header only, pcapng with SHB+IDB only: exit 0, no output, no message
"""

import argparse
import concurrent.futures
import os
import sys
import tempfile
import threading

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness_common as hc  # noqa: E402

SKIP = 77
FIELDS_OPTS = ['-T', 'fields', '-E', 'header=n', '-E', 'separator=/t',
               '-E', 'occurrence=a', '-E', 'aggregator=,']
FRAMES = '<frames>'
COLUMNS = '<columns>'


def read_fields(path):
    fields = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.split('#', 1)[0].strip()
            if line and line not in fields:
                fields.append(line)
    return fields


def fields_cmd(prog, path, fields, extra):
    cmd = [prog, '-n', '-r', path] + FIELDS_OPTS + list(extra)
    for f in fields:
        cmd += ['-e', f]
    return cmd


def show(value, limit=None):
    text = value.decode('utf-8', 'backslashreplace')
    if limit and len(text) > limit:
        text = text[:limit] + '...(%d chars)' % len(text)
    return text


def parse_invalid_fields(stderr):
    """Field names listed after "Some fields aren't valid:" (tshark's wording), or []."""
    out, inside = [], False
    for line in stderr.decode('utf-8', 'replace').splitlines():
        if "fields aren't valid" in line or 'fields are not valid' in line:
            inside = True
            continue
        if inside:
            if line.startswith('\t') or line.startswith('  '):
                out.append(line.strip())
            else:
                inside = False
    return out


class FileResult:
    def __init__(self, label, max_print):
        self.label = label
        self.compared = 0
        self.agreed = 0
        self.per_field = {}          # field -> [compared, agreed]
        # Every disagreement, as report lines: spilled to disk when large (a badly broken file
        # can yield millions), plus the first max_print ones shortened for stdout.
        self.spool = tempfile.SpooledTemporaryFile(max_size=4 << 20, mode='w+',
                                                   encoding='utf-8')
        self.n_disagree = 0
        self.first = []
        self.max_print = max_print
        self.t_frames = 0
        self.o_frames = 0
        self.skipped = False         # tshark cannot read it
        self.t_status = ''
        self.o_status = ''
        self.status_mismatch = False
        self.failure = None          # crash / hang / cannot run
        self.error = None            # harness-level problem (tshark hung, ...)

    def disagree(self, frame, field, tv, ov):
        self.n_disagree += 1
        self.spool.write("%s:%s:%s: tshark='%s' ours='%s'\n"
                         % (self.label, frame, field, show(tv), show(ov)))
        if len(self.first) < self.max_print:
            self.first.append("%s:%s:%s: tshark='%s' ours='%s'"
                              % (self.label, frame, field, show(tv, 200), show(ov, 200)))

    def count(self, field, agree):
        pf = self.per_field.setdefault(field, [0, 0])
        pf[0] += 1
        self.compared += 1
        if agree:
            pf[1] += 1
            self.agreed += 1


class Runner:
    def __init__(self, args, fields, version):
        self.args = args
        self.fields = fields
        self.version = version
        self.cache = hc.Cache(args.cache_dir)
        self.fields_sha = hc.sha256_text('\n'.join(fields) + '\0' + '\0'.join(args.arg))
        self.env = hc.sanitizer_env() if args.asan else None
        self.unsupported = set()     # fields stratoshark refused ("Some fields aren't valid")
        self.lock = threading.Lock()
        self.tshark_runs = 0

    def tshark_output(self, path, file_sha):
        key = 'fields-%s-%s-%s' % (file_sha[:32], self.fields_sha[:16],
                                   hc.sha256_text(self.version)[:12])
        meta = self.cache.get(key)
        if meta is not None:
            return meta['rc'], meta['stdout'], meta['stderr'].encode('utf-8', 'surrogateescape')
        res = hc.run_watched(fields_cmd(self.args.tshark, path, self.fields, self.args.arg),
                             self.args.tshark_timeout)
        with self.lock:
            self.tshark_runs += 1
        if res.timed_out or res.signal is not None or res.spawn_error:
            raise RuntimeError('tshark ' + res.describe())
        err = hc.clean_tshark_stderr(res.stderr)
        if res.returncode == 1 and parse_invalid_fields(err):
            raise RuntimeError("tshark does not know some fields: %s"
                               % ' '.join(parse_invalid_fields(err)))
        meta = {'rc': res.returncode, 'stderr': err.decode('utf-8', 'surrogateescape'),
                'tshark': self.version, 'fields': self.fields, 'args': self.args.arg,
                'file': os.path.abspath(path)}
        self.cache.put(key, meta, res.stdout)
        # "Can tshark read this file" does not depend on the fields: share it with bad-input.py.
        self.cache.put(hc.status_key(file_sha, self.version),
                       {'rc': res.returncode, 'stderr': meta['stderr'],
                        'frames': res.stdout.count(b'\n'), 'tshark': self.version})
        return res.returncode, res.stdout, err

    def ours_each_field(self, path):
        """--each-field: one run of stratoshark per field (after frame.number), the columns put
        together; the first run that fails or hangs is the result."""
        columns = []
        for f in self.fields:
            asked = [f] if f == 'frame.number' else ['frame.number', f]
            res = hc.run_watched(fields_cmd(self.args.stratoshark, path, asked, self.args.arg),
                                 self.args.timeout, env=self.env)
            if res.returncode != 0 or res.timed_out or res.signal is not None:
                return res
            lines = res.stdout.split(b'\n')
            if lines and lines[-1] == b'':
                lines.pop()
            columns.append([line.split(b'\t')[-1] for line in lines])
        n = max(len(c) for c in columns) if columns else 0
        res.stdout = b''.join(b'\t'.join(c[i] if i < len(c) else b'' for c in columns) + b'\n'
                              for i in range(n))
        return res

    def ours_output(self, path):
        """Run stratoshark; fields it refuses are dropped and come back as empty columns."""
        if self.args.each_field:
            return self.ours_each_field(path)
        while True:
            with self.lock:
                unsupported = set(self.unsupported)
            asked = [f for f in self.fields if f not in unsupported]
            res = hc.run_watched(fields_cmd(self.args.stratoshark, path, asked, self.args.arg),
                                 self.args.timeout, env=self.env)
            if res.returncode not in (0, None) and not res.timed_out and res.signal is None:
                bad = [f for f in parse_invalid_fields(res.stderr) if f in asked]
                if bad:
                    with self.lock:
                        new = set(bad) - self.unsupported
                        self.unsupported.update(bad)
                    if new:
                        print('note: stratoshark refuses field(s) %s (exit %d%s); they are '
                              'compared as empty' % (' '.join(sorted(new)), res.returncode,
                                                     '' if res.returncode == 1 else
                                                     ', tshark exits 1 for unknown fields'),
                              flush=True)
                    continue
            if unsupported and res.stdout:
                idx = {f: i for i, f in enumerate(asked)}
                lines = []
                for line in res.stdout.split(b'\n'):
                    cols = line.split(b'\t')
                    if line == b'':
                        lines.append(line)
                        continue
                    lines.append(b'\t'.join(cols[idx[f]] if f in idx and idx[f] < len(cols)
                                            else b'' for f in self.fields))
                res.stdout = b'\n'.join(lines)
            return res

    def compare_file(self, label, path):
        r = FileResult(label, self.args.max_print)
        try:
            file_sha = hc.sha256_file(path)
            t_rc, t_out, t_err = self.tshark_output(path, file_sha)
        except (OSError, RuntimeError) as e:
            r.error = str(e)
            return r
        ours = self.ours_output(path)
        r.t_status = 'exit %d' % t_rc
        r.o_status = ours.describe()
        sani = hc.sanitizer_report(ours.stderr)
        if ours.spawn_error or ours.timed_out or ours.signal is not None:
            r.failure = ours.describe()
        elif sani or ours.returncode == hc.SANITIZER_EXIT:
            r.failure = 'sanitizer report: %s' % (sani or 'exit %d' % ours.returncode)
        if r.failure:
            tail = ours.stderr.decode('utf-8', 'backslashreplace').strip().splitlines()[-3:]
            if tail:
                r.failure += ' | ' + ' / '.join(tail)
        r.status_mismatch = (t_rc == 0) != (ours.returncode == 0) and not r.failure

        t_lines = t_out.split(b'\n')
        if t_lines and t_lines[-1] == b'':
            t_lines.pop()
        o_lines = ours.stdout.split(b'\n')
        if o_lines and o_lines[-1] == b'':
            o_lines.pop()
        r.t_frames, r.o_frames = len(t_lines), len(o_lines)

        if t_rc != 0 and not t_lines:
            r.skipped = True
            first = t_err.decode('utf-8', 'replace').splitlines()
            r.t_status += ': ' + ' '.join(first[:2]) if first else ''
            return r

        nf = len(self.fields)
        fnum = self.fields.index('frame.number') if 'frame.number' in self.fields else None
        r.count(FRAMES, r.t_frames == r.o_frames)
        if r.t_frames != r.o_frames:
            r.disagree('-', FRAMES, str(r.t_frames).encode(), str(r.o_frames).encode())
        for i in range(max(r.t_frames, r.o_frames)):
            tc = t_lines[i].split(b'\t') if i < r.t_frames else []
            oc = o_lines[i].split(b'\t') if i < r.o_frames else []
            frame = str(i + 1)
            if fnum is not None and fnum < len(tc) and tc[fnum]:
                frame = tc[fnum].decode('ascii', 'replace')
            elif fnum is not None and fnum < len(oc) and oc[fnum] and not tc:
                frame = oc[fnum].decode('ascii', 'replace')
            for j in range(nf):
                tv = tc[j] if j < len(tc) else b''
                ov = oc[j] if j < len(oc) else b''
                if not tv and not ov:
                    continue
                agree = tv == ov
                r.count(self.fields[j], agree)
                if not agree:
                    r.disagree(frame, self.fields[j], tv, ov)
            if i < r.o_frames and len(oc) != nf:
                r.count(COLUMNS, False)
                r.disagree(frame, COLUMNS, str(nf).encode(), str(len(oc)).encode())
        return r


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--stratoshark', required=True, help='the CLI under test')
    ap.add_argument('--tshark', default='tshark', help='reference tshark (default: tshark)')
    ap.add_argument('--cache-dir', default='', help='cache of tshark outputs (default: none)')
    ap.add_argument('--fields-file', default=os.path.join(here, 'fields-foundation.txt'))
    ap.add_argument('--min-agreement', type=float, default=100.0, metavar='PCT')
    ap.add_argument('--report', default='', help='file receiving every disagreement')
    ap.add_argument('--timeout', type=float, default=60.0,
                    help='hang watchdog per stratoshark run, seconds (default 60)')
    ap.add_argument('--tshark-timeout', type=float, default=600.0)
    ap.add_argument('--jobs', '-j', type=int, default=2)
    ap.add_argument('--max-print', type=int, default=200,
                    help='disagreements printed on stdout (all go to --report)')
    ap.add_argument('--arg', action='append', default=[],
                    help='extra argument for both programs, e.g. --arg=-Y --arg=tcp (repeatable)')
    ap.add_argument('--each-field', action='store_true',
                    help='run stratoshark once per field (with frame.number): a field must have '
                         'the same values when asked alone, whatever the dissection leaves out '
                         'for the fields not asked')
    ap.add_argument('--asan', action='store_true',
                    help='run stratoshark with sanitizer options (reports fail the run)')
    ap.add_argument('paths', nargs='+', help='capture files and/or directories')
    args = ap.parse_args()
    args.stratoshark = os.path.abspath(args.stratoshark)

    def skip(msg):
        print('SKIP: ' + msg)
        print('conformance: 0 passed, 0 failed')
        sys.exit(SKIP)

    tshark = hc.find_tshark(args.tshark)
    if not tshark:
        skip('tshark (%s) is not installed' % args.tshark)
    args.tshark = tshark
    version = hc.tshark_version(tshark)
    if not version:
        skip('%s --version failed' % tshark)
    if not (os.path.isfile(args.stratoshark) and os.access(args.stratoshark, os.X_OK)):
        print('FAIL: stratoshark %r is not an executable file' % args.stratoshark)
        print('conformance: 0 passed, 1 failed')
        return 1
    fields = read_fields(args.fields_file)
    if not fields:
        print('FAIL: no field in %s' % args.fields_file)
        return 1
    files, missing = hc.collect_files(args.paths, captures_only=True)
    for m in missing:
        print('warning: %s does not exist' % m)
    if len(missing) == len(args.paths):
        skip('no capture path exists: %s' % ' '.join(args.paths))
    if not files:
        skip('no capture file under %s' % ' '.join(args.paths))

    print('compare-fields: %d files, %d fields, tshark %s, stratoshark %s'
          % (len(files), len(fields), version, args.stratoshark), flush=True)
    runner = Runner(args, fields, version)

    totals = {}
    compared = agreed = 0
    skipped, failures, errors, mismatched_status = [], [], [], []
    printed = 0
    n_disagree = 0
    report_tmp = None
    if args.report:
        os.makedirs(os.path.dirname(os.path.abspath(args.report)), exist_ok=True)
        report_tmp = open(args.report + '.tmp', 'w', encoding='utf-8')
    file_lines = []

    with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as ex:
        results = ex.map(lambda lp: runner.compare_file(*lp), files)
        for r in results:
            if r.error:
                line = 'ERROR %s: %s' % (r.label, r.error)
                errors.append(r)
            elif r.skipped:
                line = 'skip  %s: tshark cannot read it (%s); ours: %s' % (
                    r.label, r.t_status, r.o_status)
                skipped.append(r)
            else:
                bad = r.compared - r.agreed
                line = '%s %s: %d frames%s, %d/%d values agree' % (
                    'ok   ' if bad == 0 else 'DIFF ', r.label, r.t_frames,
                    '' if r.o_frames == r.t_frames else ' (ours %d)' % r.o_frames,
                    r.agreed, r.compared)
                if r.t_status != 'exit 0':
                    line += ' [tshark %s]' % r.t_status
            if r.failure:
                line = 'FAIL  %s: stratoshark %s' % (r.label, r.failure)
                failures.append(r)
            elif r.status_mismatch:
                line += ' [exit status: tshark %s, ours %s]' % (r.t_status.split(':')[0],
                                                               r.o_status)
                mismatched_status.append(r)
            print(line, flush=True)
            file_lines.append(line)
            compared += r.compared
            agreed += r.agreed
            for f, (c, a) in r.per_field.items():
                t = totals.setdefault(f, [0, 0])
                t[0] += c
                t[1] += a
            n_disagree += r.n_disagree
            if report_tmp and r.n_disagree:
                r.spool.seek(0)
                for chunk in iter(lambda: r.spool.read(1 << 20), ''):
                    report_tmp.write(chunk)
            r.spool.close()
            for line in r.first:
                if printed >= args.max_print:
                    break
                printed += 1
                print('  ' + line)
                if printed == args.max_print:
                    print('  (further disagreements only in the report)')

    failed_values = compared - agreed
    pct = 100.0 * agreed / compared if compared else 100.0
    summary = []
    summary.append('')
    summary.append('Per field (compared values, agreeing, agreement), worst first:')
    order = sorted(totals.items(), key=lambda kv: (kv[1][1] / kv[1][0] if kv[1][0] else 1,
                                                    -kv[1][0], kv[0]))
    for f, (c, a) in order:
        summary.append('  %-32s %9d %9d %8.3f%%%s' % (f, c, a, 100.0 * a / c if c else 100.0,
                                                      '' if a == c else '  (%d differ)' % (c - a)))
    never = [f for f in fields if f not in totals]
    if never:
        summary.append('  never present in either output: %s' % ' '.join(never))
    if runner.unsupported:
        summary.append('stratoshark refused %d field(s) (compared as empty): %s'
                       % (len(runner.unsupported), ' '.join(sorted(runner.unsupported))))
    summary.append('')
    summary.append('files: %d compared, %d skipped (tshark cannot read them), %d stratoshark '
                   'crashes/hangs, %d harness errors, %d exit-status differences'
                   % (len(files) - len(skipped) - len(errors), len(skipped), len(failures),
                      len(errors), len(mismatched_status)))
    for r in failures:
        summary.append('  FAILED: %s: %s' % (r.label, r.failure))
    for r in errors:
        summary.append('  ERROR: %s: %s' % (r.label, r.error))
    summary.append('tshark runs: %d (the rest came from the cache %s)'
                   % (runner.tshark_runs, args.cache_dir or '(none)'))
    summary.append('values: %d compared, %d agree, %d disagree: agreement %.4f%% (minimum %g%%)'
                   % (compared, agreed, failed_values, pct, args.min_agreement))
    verdict_fail = []
    if compared and pct < args.min_agreement:
        verdict_fail.append('agreement %.4f%% < %g%%' % (pct, args.min_agreement))
    if failures:
        verdict_fail.append('%d crash/hang' % len(failures))
    if errors:
        verdict_fail.append('%d harness errors' % len(errors))
    summary.append('RESULT: ' + ('FAIL (' + '; '.join(verdict_fail) + ')' if verdict_fail
                                 else 'PASS'))
    closing = 'conformance: %d passed, %d failed' % (agreed, failed_values)
    print('\n'.join(summary))
    if report_tmp:
        report_tmp.close()
        with open(args.report, 'w', encoding='utf-8') as rep:
            rep.write('# compare-fields report\n# stratoshark: %s\n# tshark: %s (%s)\n'
                      '# fields: %s\n# args: %s\n\n'
                      % (args.stratoshark, tshark, version, ' '.join(fields),
                         ' '.join(args.arg)))
            rep.write('\n'.join(file_lines) + '\n')
            rep.write('\n'.join(summary) + '\n\nDisagreements (%d):\n' % n_disagree)
            with open(args.report + '.tmp', encoding='utf-8') as tmp:
                for chunk in iter(lambda: tmp.read(1 << 20), ''):
                    rep.write(chunk)
            rep.write(closing + '\n')
        os.unlink(args.report + '.tmp')
        print('report: %s' % args.report)
    print(closing)
    return 1 if verdict_fail else 0


if __name__ == '__main__':
    sys.exit(main())
