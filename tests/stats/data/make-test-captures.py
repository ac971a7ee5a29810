#!/usr/bin/env python3
"""Writes the small synthetic captures the statistics unit tests read, and tshark's output for
each (capture, -z argument) of expected.list into expected/ (needs tshark 4.0).

    tests/stats/data/make-test-captures.py [--tshark tshark]

The captures are classic pcap, Ethernet, built here byte by byte so that every case the
statistics must get right is there on purpose: a TCP handshake, data both ways, a
retransmission, segments out of order, a segment the capture missed but the receiver
acknowledged, FIN/RST; UDP request/response pairs; an ICMP error quoting a UDP header; a gap of
several seconds and a timestamp that goes backwards; HTTP requests with query strings, several
User-Agents and status codes.
"""

import argparse
import os
import re
import struct
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = 1700000000


def csum(data):
    if len(data) % 2:
        data += b'\0'
    s = sum(struct.unpack('!%dH' % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff


def mac(n):
    return bytes([0x02, 0, 0, 0, 0, n])


def ip4(a):
    return bytes(int(x) for x in a.split('.'))


def eth(src, dst, payload, etype=0x0800):
    return mac(dst) + mac(src) + struct.pack('!H', etype) + payload


def ipv4(src, dst, proto, payload, ident=1):
    hdr = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(payload), ident, 0x4000, 64, proto, 0,
                      ip4(src), ip4(dst))
    hdr = hdr[:10] + struct.pack('!H', csum(hdr)) + hdr[12:]
    return hdr + payload


def tcp(src, dst, sport, dport, seq, ack, flags, payload=b'', win=65535, opts=b''):
    off = (20 + len(opts)) // 4
    hdr = struct.pack('!HHIIBBHHH', sport, dport, seq & 0xffffffff, ack & 0xffffffff, off << 4,
                      flags, win, 0, 0) + opts
    pseudo = ip4(src) + ip4(dst) + struct.pack('!BBH', 0, 6, len(hdr) + len(payload))
    c = csum(pseudo + hdr + payload)
    return hdr[:16] + struct.pack('!H', c) + hdr[18:] + payload


def udp(src, dst, sport, dport, payload):
    hdr = struct.pack('!HHHH', sport, dport, 8 + len(payload), 0)
    pseudo = ip4(src) + ip4(dst) + struct.pack('!BBH', 0, 17, 8 + len(payload))
    c = csum(pseudo + hdr + payload) or 0xffff
    return hdr[:6] + struct.pack('!H', c) + payload


class Pcap:
    def __init__(self):
        self.frames = []

    def add(self, t, frame):
        self.frames.append((t, frame))

    def write(self, path):
        with open(path, 'wb') as f:
            f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 262144, 1))
            for t, fr in self.frames:
                sec = BASE + int(t)
                usec = int(round((t - int(t)) * 1e6))
                f.write(struct.pack('<IIII', sec, usec, len(fr), len(fr)) + fr)


F, S, R, P, A = 0x01, 0x02, 0x04, 0x08, 0x10
C, SV = '10.1.0.1', '10.1.0.2'


def tcp_frame(t, cap, src, dst, sport, dport, seq, ack, flags, payload=b'', ident=1, win=65535):
    m1, m2 = (1, 2) if src == C else (2, 1)
    cap.add(t, eth(m1, m2, ipv4(src, dst, 6, tcp(src, dst, sport, dport, seq, ack, flags,
                                                      payload, win), ident)))


def make_tcp(path):
    cap = Pcap()
    # Connection 1: 40001 -> 8000, a handshake, then data both ways with trouble.
    c, s = 1000, 5000
    tcp_frame(0.000000, cap, C, SV, 40001, 8000, c, 0, S)
    tcp_frame(0.000120, cap, SV, C, 8000, 40001, s, c + 1, S | A)
    tcp_frame(0.000200, cap, C, SV, 40001, 8000, c + 1, s + 1, A)
    tcp_frame(0.010000, cap, C, SV, 40001, 8000, c + 1, s + 1, P | A, b'hello server\r\n')
    tcp_frame(0.010300, cap, SV, C, 8000, 40001, s + 1, c + 15, A)
    # the server answers in three segments: the second is lost, the third arrives, the client
    # acknowledges only up to the first, then the second is retransmitted
    tcp_frame(0.020000, cap, SV, C, 8000, 40001, s + 1, c + 15, P | A, b'A' * 100)
    tcp_frame(0.020100, cap, SV, C, 8000, 40001, s + 201, c + 15, P | A, b'C' * 100)
    tcp_frame(0.020200, cap, C, SV, 40001, 8000, c + 15, s + 101, A)
    tcp_frame(0.020250, cap, C, SV, 40001, 8000, c + 15, s + 101, A)
    tcp_frame(0.030000, cap, SV, C, 8000, 40001, s + 101, c + 15, P | A, b'B' * 100)
    tcp_frame(0.030100, cap, C, SV, 40001, 8000, c + 15, s + 301, A)
    # a plain retransmission of data already delivered
    tcp_frame(0.031000, cap, SV, C, 8000, 40001, s + 201, c + 15, P | A, b'C' * 100)
    # the client's next segment is not in the capture but the server acknowledges it
    tcp_frame(0.040000, cap, C, SV, 40001, 8000, c + 35, s + 301, P | A, b'after the gap\n')
    tcp_frame(0.040100, cap, SV, C, 8000, 40001, s + 301, c + 49, A)
    tcp_frame(1.500000, cap, C, SV, 40001, 8000, c + 49, s + 301, F | A)
    tcp_frame(1.500100, cap, SV, C, 8000, 40001, s + 301, c + 50, F | A)
    tcp_frame(1.500200, cap, C, SV, 40001, 8000, c + 50, s + 302, A)

    # UDP request/response pairs on two ports, then an ICMP port unreachable quoting one.
    for i, t in enumerate((2.0, 2.5, 3.25)):
        q = udp(C, SV, 50000 + i, 53, b'\x12\x34\x01\x00' + bytes(10 + i))
        cap.add(t, eth(1, 2, ipv4(C, SV, 17, q, 100 + i)))
        r = udp(SV, C, 53, 50000 + i, b'\x12\x34\x81\x80' + bytes(20 + i))
        cap.add(t + 0.000345, eth(2, 1, ipv4(SV, C, 17, r, 200 + i)))
    quoted = ipv4(C, SV, 17, udp(C, SV, 50009, 9, b'x' * 8), 300)
    icmp = struct.pack('!BBHI', 3, 3, 0, 0) + quoted
    icmp = icmp[:2] + struct.pack('!H', csum(icmp)) + icmp[4:]
    cap.add(3.5, eth(2, 1, ipv4(SV, C, 1, icmp, 301)))

    # A long quiet gap, a timestamp that goes back, and a second TCP connection.
    cap.add(9.7, eth(1, 2, ipv4(C, SV, 17, udp(C, SV, 50100, 61999, b'<13>late'), 350)))
    cap.add(9.6, eth(1, 2, ipv4(C, SV, 17, udp(C, SV, 50100, 61999, b'<13>early'), 351)))
    d = 70000
    tcp_frame(9.900000, cap, C, SV, 40002, 8000, d, 0, S, ident=400)
    tcp_frame(9.900300, cap, SV, C, 8000, 40002, 90000, d + 1, S | A, ident=401)
    tcp_frame(9.900400, cap, C, SV, 40002, 8000, d + 1, 90001, A, ident=402)
    tcp_frame(12.250000, cap, C, SV, 40002, 8000, d + 1, 90001, P | A, b'x' * 1400, ident=403)
    tcp_frame(12.250050, cap, C, SV, 40002, 8000, d + 1401, 90001, P | A, b'y' * 1400,
              ident=404)
    tcp_frame(12.251000, cap, SV, C, 8000, 40002, 90001, d + 2801, A, win=0, ident=405)
    tcp_frame(12.700000, cap, SV, C, 8000, 40002, 90001, d + 2801, R | A, ident=406)
    cap.write(path)


def make_http(path):
    cap = Pcap()
    reqs = [
        ('/api/items?page=1', 'curl/8.0', 'api.test', 200, 0.012),
        ('/api/items?page=2', 'curl/8.0', 'api.test', 200, 0.020),
        ('/api/items', 'Mozilla/5.0', 'api.test', 404, 0.003),
        ('/login', 'Mozilla/5.0', 'www.test', 302, 0.150),
        ('/api/items?page=3', 'curl/8.0', 'api.test', 500, 0.250),
        ('/', 'Mozilla/5.0', 'www.test', 200, 0.005),
    ]
    t = 0.0
    for i, (uri, ua, host, code, rtt) in enumerate(reqs):
        sport = 41000 + i
        c, s = 100 * (i + 1), 900 * (i + 1)
        tcp_frame(t, cap, C, SV, sport, 80, c, 0, S)
        tcp_frame(t + 0.0001, cap, SV, C, 80, sport, s, c + 1, S | A)
        tcp_frame(t + 0.0002, cap, C, SV, sport, 80, c + 1, s + 1, A)
        req = ('GET %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: %s\r\nAccept: */*\r\n\r\n'
               % (uri, host, ua)).encode()
        tcp_frame(t + 0.001, cap, C, SV, sport, 80, c + 1, s + 1, P | A, req)
        phrase = {200: 'OK', 404: 'Not Found', 302: 'Found', 500: 'Internal Server Error'}[code]
        body = b'{"ok": true}\n'
        resp = ('HTTP/1.1 %d %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n'
                '\r\n' % (code, phrase, len(body))).encode() + body
        tcp_frame(t + 0.001 + rtt, cap, SV, C, 80, sport, s + 1, c + 1 + len(req), P | A, resp)
        tcp_frame(t + 0.002 + rtt, cap, C, SV, sport, 80, c + 1 + len(req), s + 1 + len(resp),
                  F | A)
        tcp_frame(t + 0.0021 + rtt, cap, SV, C, 80, sport, s + 1 + len(resp),
                  c + 2 + len(req), F | A)
        tcp_frame(t + 0.0022 + rtt, cap, C, SV, sport, 80, c + 2 + len(req),
                  s + 2 + len(resp), A)
        t += 0.4
    cap.write(path)


def arg_file_name(arg):
    return re.sub(r'[^A-Za-z0-9_.=-]+', '_', arg) + '.txt'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--tshark', default='tshark')
    ap.add_argument('--force', action='store_true', help='run tshark again for saved outputs')
    args = ap.parse_args()
    make_tcp(os.path.join(HERE, 'stats-tcp.pcap'))
    make_http(os.path.join(HERE, 'stats-http.pcap'))

    with open(os.path.join(HERE, 'expected.list'), encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith('#'):
                continue
            capture, arg = line.split(None, 1)
            out_dir = os.path.join(HERE, 'expected', os.path.splitext(capture)[0])
            os.makedirs(out_dir, exist_ok=True)
            if os.path.exists(os.path.join(out_dir, arg_file_name(arg))) and not args.force:
                continue
            res = subprocess.run([args.tshark, '-n', '-r', os.path.join(HERE, capture), '-q',
                                  '-z', arg], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            with open(os.path.join(out_dir, arg_file_name(arg)), 'wb') as o:
                o.write(res.stdout)
    return 0


if __name__ == '__main__':
    sys.exit(main())
