#!/usr/bin/env python3
"""Build a large capture by replicating the packets of a small one.

The packets of INPUT (pcap or pcapng, optionally gzip-compressed) are repeated until COUNT packets
are written, as a classic pcap with nanosecond timestamps.  Each repetition is shifted in time by
the span of the input plus one mean inter-packet gap, so time keeps increasing across copies.

The pcapng reader is deliberately minimal: Enhanced and Simple Packet Blocks only, the link type
of the first interface (one link type is assumed), if_tsresol honoured, other blocks skipped.

usage: make-big-capture.py [--input CAP] [--count N] --output OUT.pcap
"""

import argparse
import gzip
import os
import struct
import sys
import time


def read_pcap(buf):
    magic = buf[:4]
    table = {
        b'\xd4\xc3\xb2\xa1': ('<', 1000), b'\xa1\xb2\xc3\xd4': ('>', 1000),
        b'\x4d\x3c\xb2\xa1': ('<', 1), b'\xa1\xb2\x3c\x4d': ('>', 1),
    }
    end, mult = table[magic]
    linktype = struct.unpack_from(end + 'I', buf, 20)[0] & 0x0fffffff
    rec = struct.Struct(end + 'IIII')
    pos, packets = 24, []
    while pos + 16 <= len(buf):
        sec, frac, caplen, origlen = rec.unpack_from(buf, pos)
        pos += 16
        if caplen > len(buf) - pos:
            print('warning: input cut short after %d packets' % len(packets), file=sys.stderr)
            break
        packets.append((sec * 1_000_000_000 + frac * mult, origlen, buf[pos:pos + caplen]))
        pos += caplen
    return linktype, packets


def _tsresol_to_ns(v):
    """if_tsresol: MSB clear -> 10^-v s, set -> 2^-(v & 0x7f) s; returns (num, den) of ns/unit."""
    if v & 0x80:
        return 1_000_000_000, 1 << (v & 0x7f)
    exp = v
    return (10 ** (9 - exp), 1) if exp <= 9 else (1, 10 ** (exp - 9))


def read_pcapng(buf):
    pos, packets = 0, []
    end = '<'
    ifaces = []          # per interface: (linktype, snaplen, ns numerator, denominator)
    linktype = None
    while pos + 12 <= len(buf):
        btype = struct.unpack_from(end + 'I', buf, pos)[0]
        if btype == 0x0A0D0D0A:
            bom = buf[pos + 8:pos + 12]
            end = '<' if bom == b'\x4d\x3c\x2b\x1a' else '>'
            ifaces = []
        blen = struct.unpack_from(end + 'I', buf, pos + 4)[0]
        if blen < 12 or blen % 4 or pos + blen > len(buf):
            print('warning: bad block at offset %d, stopping' % pos, file=sys.stderr)
            break
        body = buf[pos + 8:pos + blen - 4]
        if btype == 1:                                   # Interface Description Block
            lt, _, snap = struct.unpack_from(end + 'HHI', body, 0)
            num, den = 1000, 1                           # default resolution: microseconds
            opos = 8
            while opos + 4 <= len(body):
                code, olen = struct.unpack_from(end + 'HH', body, opos)
                if code == 0:
                    break
                if code == 9 and olen >= 1:
                    num, den = _tsresol_to_ns(body[opos + 4])
                opos += 4 + olen + (-olen % 4)
            ifaces.append((lt, snap, num, den))
            if linktype is None:
                linktype = lt
        elif btype == 6 and ifaces:                      # Enhanced Packet Block
            ifid, hi, lo, caplen, origlen = struct.unpack_from(end + 'IIIII', body, 0)
            _, _, num, den = ifaces[ifid] if ifid < len(ifaces) else ifaces[0]
            ts = ((hi << 32) | lo) * num // den
            packets.append((ts, origlen, body[20:20 + caplen]))
        elif btype == 3 and ifaces:                      # Simple Packet Block: no timestamp
            origlen = struct.unpack_from(end + 'I', body, 0)[0]
            snap = ifaces[0][1] or origlen
            caplen = min(origlen, snap, len(body) - 4)
            prev = packets[-1][0] if packets else 0
            packets.append((prev, origlen, body[4:4 + caplen]))
        pos += blen
    if linktype is None:
        raise ValueError('no Interface Description Block')
    return linktype, packets


def read_capture(path):
    with open(path, 'rb') as f:
        buf = f.read()
    if buf[:2] == b'\x1f\x8b':
        buf = gzip.decompress(buf)
    if buf[:4] == b'\x0a\x0d\x0d\x0a':
        return read_pcapng(buf)
    if buf[:4] in (b'\xd4\xc3\xb2\xa1', b'\xa1\xb2\xc3\xd4', b'\x4d\x3c\xb2\xa1',
                   b'\xa1\xb2\x3c\x4d'):
        return read_pcap(buf)
    raise ValueError('%s: not a pcap or pcapng file' % path)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--input', '-i',
                    default=os.path.join(here, '..', 'data', 'samples', 'sample.pcapng'))
    ap.add_argument('--count', '-n', type=int, default=2_000_000, help='packets to write')
    ap.add_argument('--output', '-o', required=True)
    args = ap.parse_args()

    t0 = time.monotonic()
    linktype, packets = read_capture(args.input)
    if not packets:
        sys.exit('%s: no packets' % args.input)
    first = min(p[0] for p in packets)
    last = max(p[0] for p in packets)
    span = last - first
    gap = max(span // max(len(packets) - 1, 1), 1000)    # mean gap, at least 1 us
    period = span + gap
    snaplen = max(262144, max(len(p[2]) for p in packets))

    # Per packet: offset from the first timestamp and the constant tail of the record.
    recs = [(ts - first, struct.pack('<II', len(data), origlen) + data)
            for ts, origlen, data in packets]
    base = first
    hdr = struct.Struct('<II')
    written = 0
    out_bytes = 0
    tmp = args.output + '.tmp'
    with open(tmp, 'wb', buffering=0) as out:
        out.write(struct.pack('<IHHiIII', 0xa1b23c4d, 2, 4, 0, 0, snaplen, linktype))
        chunk, chunk_len = [], 0
        cycle = 0
        while written < args.count:
            cbase = base + cycle * period
            n = min(len(recs), args.count - written)
            for off, tail in recs[:n] if n < len(recs) else recs:
                ts = cbase + off
                chunk.append(hdr.pack(ts // 1_000_000_000, ts % 1_000_000_000))
                chunk.append(tail)
                chunk_len += 8 + len(tail)
            written += n
            cycle += 1
            if chunk_len >= 16 << 20:
                out.write(b''.join(chunk))
                out_bytes += chunk_len
                chunk, chunk_len = [], 0
        out.write(b''.join(chunk))
        out_bytes += chunk_len
    os.replace(tmp, args.output)
    print('%s: %d packets (%d copies of %d from %s), link type %d, %.1f MB, %.1f s'
          % (args.output, written, cycle, len(packets), args.input, linktype,
             (out_bytes + 24) / 1e6, time.monotonic() - t0))


if __name__ == '__main__':
    main()
