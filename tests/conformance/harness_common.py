"""Shared helpers for the conformance and robustness harnesses (Python 3 standard library only).

compare-fields.py and bad-input.py import this module from their own folder.
"""

import hashlib
import json
import os
import resource
import shutil
import signal
import subprocess
import tempfile
import threading
import time

# Magic numbers of the capture formats we read; a file is a capture when it starts with one of
# them (never judged by its extension).
CAPTURE_MAGICS = (
    bytes.fromhex('a1b2c3d4'), bytes.fromhex('d4c3b2a1'),   # pcap, microseconds (BE, LE)
    bytes.fromhex('a1b23c4d'), bytes.fromhex('4d3cb2a1'),   # pcap, nanoseconds (BE, LE)
    bytes.fromhex('a1b2cd34'), bytes.fromhex('34cdb2a1'),   # pcap, Kuznetzov's modified format
    bytes.fromhex('0a0d0d0a'),                              # pcapng Section Header Block
    bytes.fromhex('1f8b'),                                  # gzip
    bytes.fromhex('28b52ffd'),                              # zstd frame
    bytes.fromhex('04224d18'),                              # lz4 frame
)

# Sanitizer reports (ASan, LSan, UBSan, MSan, TSan) that mark a run as failed.
SANITIZER_MARKERS = (b'AddressSanitizer', b'LeakSanitizer', b'runtime error:',
                     b'UndefinedBehaviorSanitizer', b'MemorySanitizer', b'ThreadSanitizer')
SANITIZER_EXIT = 99


def sanitizer_env(base=None):
    """Environment that makes a sanitizer report end the run with exit code 99."""
    env = dict(os.environ if base is None else base)
    common = 'halt_on_error=1:abort_on_error=0:exitcode=%d' % SANITIZER_EXIT
    env['ASAN_OPTIONS'] = common + ':detect_leaks=1:detect_stack_use_after_return=1'
    env['UBSAN_OPTIONS'] = common + ':print_stacktrace=1'
    env['LSAN_OPTIONS'] = 'exitcode=%d' % SANITIZER_EXIT
    # GLib < 2.76 keeps a slice allocator that hides leaks and confuses LeakSanitizer.
    env['G_SLICE'] = 'always-malloc'
    env['G_DEBUG'] = 'gc-friendly'
    return env


def sanitizer_report(stderr):
    """First stderr line that looks like a sanitizer report, or None."""
    if not stderr:
        return None
    for marker in SANITIZER_MARKERS:
        pos = stderr.find(marker)
        if pos >= 0:
            start = stderr.rfind(b'\n', 0, pos) + 1
            end = stderr.find(b'\n', pos)
            line = stderr[start:end if end >= 0 else len(stderr)]
            return line.decode('utf-8', 'backslashreplace')
    return None


def is_capture(path):
    try:
        with open(path, 'rb') as f:
            head = f.read(4)
    except OSError:
        return False
    return any(head.startswith(m) for m in CAPTURE_MAGICS)


def collect_files(paths, captures_only):
    """Expand files and directories (recursively, sorted) into (label, path) pairs.

    The label of a file found under a directory is '<dir basename>/<relative path>', so that the
    same name in two corpora stays distinct.  Returns (files, missing_paths)."""
    out, missing, seen = [], [], set()
    for p in paths:
        if os.path.isdir(p):
            base = os.path.basename(os.path.normpath(p))
            found = []
            for d, dirs, files in os.walk(p):
                dirs[:] = sorted(x for x in dirs if not x.startswith('.'))
                for name in files:
                    found.append(os.path.join(d, name))
            for f in sorted(found):
                if not os.path.isfile(f) or (captures_only and not is_capture(f)):
                    continue
                real = os.path.realpath(f)
                if real in seen:
                    continue
                seen.add(real)
                out.append((os.path.join(base, os.path.relpath(f, p)), f))
        elif os.path.isfile(p):
            real = os.path.realpath(p)
            if real not in seen and (not captures_only or is_capture(p)):
                seen.add(real)
                out.append((p, p))
        else:
            missing.append(p)
    return out, missing


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, 'rb') as f:
        for chunk in iter(lambda: f.read(1 << 20), b''):
            h.update(chunk)
    return h.hexdigest()


def sha256_text(text):
    return hashlib.sha256(text.encode('utf-8')).hexdigest()


class RunResult:
    """Outcome of one watched child process."""

    def __init__(self, cmd):
        self.cmd = cmd
        self.returncode = None    # exit status, or -signal as subprocess does
        self.signal = None        # signal number when killed by a signal (and not by us)
        self.timed_out = False    # the watchdog killed it
        self.stdout = b''
        self.stderr = b''
        self.maxrss_kb = 0        # peak resident set size of this child (ru_maxrss, KiB)
        # The kernel counts the RSS the forked Python process had before exec in ru_maxrss (with
        # vfork, the parent's own peak): below this, maxrss_kb says nothing about the program.
        self.rss_floor_kb = 0
        self.elapsed = 0.0
        self.spawn_error = None

    @property
    def crashed(self):
        return self.signal is not None and not self.timed_out

    def describe(self):
        if self.spawn_error:
            return 'could not start: %s' % self.spawn_error
        if self.timed_out:
            return 'hung (killed by the watchdog after %.0f s)' % self.elapsed
        if self.signal is not None:
            try:
                name = signal.Signals(self.signal).name
            except ValueError:
                name = 'signal %d' % self.signal
            return 'crashed (%s)' % name
        return 'exit %d' % self.returncode


def run_watched(cmd, timeout, env=None, capture_stdout=True, stdin_devnull=True):
    """Run cmd in its own process group with a hang watchdog.

    stdout/stderr go to unlinked temporary files (no pipe deadlock, any size); stdout is thrown
    away when capture_stdout is False.  The child is reaped with os.wait4 so its own peak RSS is
    known even when several children run in parallel (RUSAGE_CHILDREN would mix them)."""
    res = RunResult(cmd)
    out_f = tempfile.TemporaryFile() if capture_stdout else None
    err_f = tempfile.TemporaryFile()
    start = time.monotonic()
    res.rss_floor_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    try:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL if stdin_devnull else None,
                                stdout=out_f if capture_stdout else subprocess.DEVNULL,
                                stderr=err_f, env=env, start_new_session=True)
    except OSError as e:
        res.spawn_error = str(e)
        res.returncode = 127
        err_f.close()
        if out_f:
            out_f.close()
        return res

    fired = threading.Event()

    def watchdog():
        fired.set()
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass

    timer = threading.Timer(timeout, watchdog)
    timer.daemon = True
    timer.start()
    try:
        while True:
            try:
                _, status, rusage = os.wait4(proc.pid, 0)
                break
            except InterruptedError:
                continue
    finally:
        timer.cancel()
    res.elapsed = time.monotonic() - start
    # Leave no stray grandchildren behind (e.g. when a wrapper script was killed).
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    res.maxrss_kb = rusage.ru_maxrss
    res.timed_out = fired.is_set()
    if os.WIFSIGNALED(status):
        res.signal = os.WTERMSIG(status)
        res.returncode = -res.signal
    else:
        res.returncode = os.WEXITSTATUS(status)
    proc.returncode = res.returncode      # already reaped: keep Popen from waiting again
    if out_f:
        out_f.seek(0)
        res.stdout = out_f.read()
        out_f.close()
    err_f.seek(0)
    res.stderr = err_f.read()
    err_f.close()
    return res


def clean_tshark_stderr(stderr):
    """tshark's stderr without the warnings it prints on every run as root."""
    lines = [l for l in stderr.splitlines()
             if not l.startswith(b'Running as user') and l.strip()]
    return b'\n'.join(lines)


def find_tshark(tshark):
    if os.sep in tshark:
        return tshark if os.access(tshark, os.X_OK) else None
    return shutil.which(tshark)


def tshark_version(tshark):
    try:
        out = subprocess.run([tshark, '--version'], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, timeout=60).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    first = out.decode('utf-8', 'replace').splitlines()
    return first[0].strip() if first else None


class Cache:
    """A directory of tshark results, keyed by whatever the caller hashes into the key.

    Entries: <key>.out (raw stdout) and <key>.json (exit status, stderr, version, command).
    Writes go through a temporary file and rename, so parallel runs never read half an entry."""

    def __init__(self, directory):
        self.dir = directory
        if directory:
            os.makedirs(directory, exist_ok=True)

    def _paths(self, key):
        return os.path.join(self.dir, key + '.json'), os.path.join(self.dir, key + '.out')

    def get(self, key, want_stdout=True):
        if not self.dir:
            return None
        meta_p, out_p = self._paths(key)
        try:
            with open(meta_p, encoding='utf-8') as f:
                meta = json.load(f)
            if want_stdout and meta.get('has_stdout'):
                with open(out_p, 'rb') as f:
                    meta['stdout'] = f.read()
            else:
                meta['stdout'] = b''
            return meta
        except (OSError, ValueError):
            return None

    def put(self, key, meta, stdout=None):
        if not self.dir:
            return
        meta_p, out_p = self._paths(key)
        meta = dict(meta)
        meta['has_stdout'] = stdout is not None
        if stdout is not None:
            fd, tmp = tempfile.mkstemp(dir=self.dir, prefix='.tmp-')
            with os.fdopen(fd, 'wb') as f:
                f.write(stdout)
            os.replace(tmp, out_p)
        fd, tmp = tempfile.mkstemp(dir=self.dir, prefix='.tmp-')
        with os.fdopen(fd, 'w', encoding='utf-8') as f:
            json.dump(meta, f, indent=1)
        os.replace(tmp, meta_p)


def status_key(file_sha, version):
    """Cache key of 'can tshark read this file' (exit status + stderr), independent of fields."""
    return 'status-%s-%s' % (file_sha[:32], sha256_text(version)[:12])
