#!/usr/bin/env bash
# make-sample-capture.sh - record data/samples/sample.pcapng from real traffic.
#
# What it records: a short (~3 s) capture of real programs talking to each
# other across a veth pair between two network namespaces that this script
# creates and deletes itself:
#   client ns  veth0      10.200.0.1/24   fd00:200::1/64
#              VLAN 100   10.200.100.1/24
#   server ns  veth0      10.200.0.2/24   fd00:200::2/64
#              VLAN 100   10.200.100.2/24
# Traffic: ARP, IPv6 neighbour discovery, ICMP/ICMPv6 echo (ping), DNS over
# UDP and TCP (dig -> dnsmasq: A, AAAA, CNAME, NXDOMAIN), HTTP/1.1 (curl ->
# nginx: GETs, keep-alive, POST, 503, IPv6, a RST from a closed port), TLS 1.2
# and TLS 1.3 (curl -> openssl s_server with a throw-away self-signed cert),
# and ping/DNS/HTTP over VLAN 100 so the file holds 802.1Q-tagged frames.
# dumpcap captures on the client's veth0 (pcapng), so VLAN 100 is captured
# tagged.
#
# VLAN 100 is an 802.1Q sub-interface (veth0.100) when the kernel has 802.1Q
# support. Some kernels (e.g. our CI/VM kernel, built without
# CONFIG_VLAN_8021Q) refuse `ip link add ... type vlan`; then the VLAN subnet's
# addresses go on veth0 itself and a tiny tc eBPF program (compiled here with
# clang) pushes tag 100 on egress for 10.200.100.0/24 (IPv4 and ARP) and pops
# it on ingress - same frames on the wire as a sub-interface would send.
#
# Why: the sample is what `stratoshark` opens in the README's first command,
# and it is a conformance input whose dissection is compared against tshark.
# Everything is synthetic; addresses are private test addresses that exist
# only inside the namespaces; there is no route out of them, the host's own
# interfaces are never touched, and the file holds no secrets.
#
# Usage: sudo tools/make-sample-capture.sh [OUTPUT.pcapng]
#        (default: data/samples/sample.pcapng in this repository)
# Needs root (network namespaces, packet capture). Takes ~6 s (plus any
# apt-get install on first use).

set -euo pipefail
export LC_ALL=C

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_dir=$(dirname "$script_dir")
out=${1:-"$repo_dir/data/samples/sample.pcapng"}

t_start=$EPOCHREALTIME
elapsed() { local now=$EPOCHREALTIME; printf '%d.%02d' $(( (${now/./} - ${t_start/./}) / 1000000 )) $(( (${now/./} - ${t_start/./}) / 10000 % 100 )); }
log() { printf '[make-sample %5ss] %s\n' "$(elapsed)" "$*" >&2; }
die() { printf '[make-sample %5ss] ERROR: %s\n' "$(elapsed)" "$*" >&2; exit 1; }

[[ $EUID -eq 0 ]] || die "must run as root (network namespaces, packet capture)"

# ---------------------------------------------------------------- install step
export PATH="$PATH:/usr/sbin:/sbin"

# ensure CMD=PACKAGE...: apt-get install the packages whose command (or, for
# an absolute path, file) is missing; nothing happens if all are present.
ensure() {
    local spec item pkg missing=()
    for spec in "$@"; do
        item=${spec%%=*} pkg=${spec#*=}
        if [[ $item == /* ]]; then [[ -e $item ]] && continue
        else command -v "$item" >/dev/null 2>&1 && continue
        fi
        missing+=("$pkg")
    done
    ((${#missing[@]})) || return 0
    mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
    log "installing: ${missing[*]}"
    # Keep maintainer scripts from starting host services (e.g. nginx on the
    # host's port 80); only if no policy is in place already.
    local made_policy=0 rc=0
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
        chmod 0755 /usr/sbin/policy-rc.d
        made_policy=1
    fi
    { DEBIAN_FRONTEND=noninteractive apt-get update -q &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"; } || rc=$?
    ((made_policy)) && rm -f /usr/sbin/policy-rc.d
    ((rc == 0)) || die "apt-get install ${missing[*]} failed"
}
# dnsmasq-base (not dnsmasq) so no host DNS service gets installed/started.
ensure ip=iproute2 ss=iproute2 tc=iproute2 ethtool=ethtool ping=iputils-ping \
    dig=bind9-dnsutils dnsmasq=dnsmasq-base nginx=nginx-light openssl=openssl \
    curl=curl dumpcap=wireshark-common tshark=tshark timeout=coreutils

# ------------------------------------------------------------ state + cleanup
NSC="ssk-cli-$$"          # client namespace
NSS="ssk-srv-$$"          # server namespace
tmp=$(mktemp -d /tmp/make-sample.XXXXXX)
chmod 0755 "$tmp"          # nginx/dnsmasq may read from here after dropping privileges
pids=()                    # every background process this script started
dumpcap_pid=""

cleanup() {
    local rc=$?
    set +e
    trap - ERR
    for pid in "${pids[@]}"; do
        kill -TERM "$pid" 2>/dev/null
    done
    for pid in "${pids[@]}"; do
        # bounded wait: escalate to KILL if a process ignores TERM
        for _ in 1 2 3 4 5 6 7 8 9 10; do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.2
        done
        kill -KILL "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    done
    ip netns del "$NSC" 2>/dev/null
    ip netns del "$NSS" 2>/dev/null
    rm -rf "$tmp"
    log "cleaned up"
    exit "$rc"
}
trap cleanup EXIT
set -E   # the ERR trap below also fires inside functions
trap 'log "FAILED (exit $?) at line $LINENO${FUNCNAME:+ in $FUNCNAME() called from line ${BASH_LINENO[0]}}: $BASH_COMMAND"' ERR
trap 'exit 130' INT
trap 'exit 143' TERM

ins() { ip netns exec "$NSS" "$@"; }   # run in server namespace

# start_in NS LOG CMD...: start CMD in namespace NS in the background, output
# to LOG, and record its PID. The background job is a simple command (not a
# function or subshell), and env and ip netns exec both exec, so $! is CMD's
# own PID. Background jobs of a non-interactive shell start with SIGINT
# ignored (and dumpcap keeps it ignored): `env --default-signal=INT` undoes that.
start_in() {
    local ns=$1 logf=$2; shift 2
    env --default-signal=INT ip netns exec "$ns" "$@" </dev/null >"$logf" 2>&1 &
    pids+=($!)
    last_pid=$!
    # make sure the PID we will kill later really is the program we started
    local want=${1##*/}
    for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
        [[ $(cat "/proc/$last_pid/comm" 2>/dev/null) == "${want:0:15}" ]] && return 0
        kill -0 "$last_pid" 2>/dev/null || die "$want exited at start: $(cat "$logf")"
        sleep 0.05
    done
    die "PID $last_pid is not $want"
}

# wait_for DESCRIPTION TRIES(x0.1s) COMMAND... : poll until COMMAND succeeds
wait_for() {
    local what=$1 tries=$2; shift 2
    for ((i = 0; i < tries; i++)); do
        "$@" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    die "timed out waiting for $what"
}
listening() { # NS-runner PROTO PORT
    local run=$1 proto=$2 port=$3
    [[ -n $($run ss -Hln"${proto:0:1}" "sport = :$port") ]]
}

# ---------------------------------------------------------------- topology
log "creating namespaces $NSC and $NSS"
ip netns add "$NSC"
ip netns add "$NSS"
# The veth pair is created inside the client namespace with its peer placed
# straight into the server namespace: no interface ever exists on the host.
ip -n "$NSC" link add veth0 type veth peer name veth0 netns "$NSS"
for ns in "$NSC" "$NSS"; do
    ip -n "$ns" link set lo up
    # wire-sized frames with valid checksums; VLAN tags inline in the frame
    ip netns exec "$ns" ethtool -K veth0 tso off gso off gro off tx off rx off \
        txvlan off rxvlan off >/dev/null
done

# VLAN 100: a real 802.1Q sub-interface if the kernel can, else tc eBPF tagging.
if ip -n "$NSC" link add link veth0 name veth0.100 type vlan id 100 2>/dev/null; then
    vlan_mode="802.1Q sub-interface veth0.100"
    vlan_dev=veth0.100
    ip -n "$NSS" link add link veth0 name veth0.100 type vlan id 100
    for ns in "$NSC" "$NSS"; do
        ip netns exec "$ns" ethtool -K veth0.100 tso off gso off gro off tx off >/dev/null 2>&1 || true
    done
else
    vlan_mode="tc eBPF tagging on veth0 (kernel has no 802.1Q support)"
    vlan_dev=veth0
    ensure clang=clang /usr/include/linux/bpf.h=linux-libc-dev
    cat >"$tmp/vlan100.c" <<'EOF'
/* Emulates an 802.1Q VLAN 100 sub-interface on veth0: tag IPv4 and ARP
 * frames for 10.200.100.0/24 on egress, untag VLAN 100 frames on ingress. */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/pkt_cls.h>
#define SEC(n) __attribute__((section(n), used))
static long (*bpf_skb_vlan_push)(struct __sk_buff *, __be16, __u16) = (void *)BPF_FUNC_skb_vlan_push;
static long (*bpf_skb_vlan_pop)(struct __sk_buff *) = (void *)BPF_FUNC_skb_vlan_pop;
static long (*bpf_skb_load_bytes)(const struct __sk_buff *, __u32, void *, __u32) = (void *)BPF_FUNC_skb_load_bytes;
#define VID 100
#define VLAN_NET 0x0ac86400u /* 10.200.100.0/24 */
SEC("egress") int vlan_egress(struct __sk_buff *skb)
{
    __u32 addr;
    if (skb->protocol == __builtin_bswap16(ETH_P_IP)) {        /* IPv4 daddr */
        if (bpf_skb_load_bytes(skb, ETH_HLEN + 16, &addr, 4)) return TC_ACT_OK;
    } else if (skb->protocol == __builtin_bswap16(ETH_P_ARP)) { /* ARP tpa */
        if (bpf_skb_load_bytes(skb, ETH_HLEN + 24, &addr, 4)) return TC_ACT_OK;
    } else {
        return TC_ACT_OK;
    }
    if ((__builtin_bswap32(addr) & 0xffffff00u) == VLAN_NET)
        bpf_skb_vlan_push(skb, __builtin_bswap16(ETH_P_8021Q), VID);
    return TC_ACT_OK;
}
SEC("ingress") int vlan_ingress(struct __sk_buff *skb)
{
    if (skb->vlan_present && (skb->vlan_tci & 0x0fff) == VID)
        bpf_skb_vlan_pop(skb);
    return TC_ACT_OK;
}
char _license[] SEC("license") = "GPL";
EOF
    clang -O2 -target bpf -I"/usr/include/$(uname -m)-linux-gnu" \
        -c "$tmp/vlan100.c" -o "$tmp/vlan100.o"
    for ns in "$NSC" "$NSS"; do
        tc -n "$ns" qdisc add dev veth0 clsact
        tc -n "$ns" filter add dev veth0 egress bpf direct-action obj "$tmp/vlan100.o" sec egress
        tc -n "$ns" filter add dev veth0 ingress bpf direct-action obj "$tmp/vlan100.o" sec ingress
    done
fi
log "VLAN 100: $vlan_mode"
for ns in "$NSC" "$NSS"; do
    ip -n "$ns" link set veth0 up
    [[ $vlan_dev == veth0 ]] || ip -n "$ns" link set "$vlan_dev" up
done
ip -n "$NSC" addr add 10.200.0.1/24 dev veth0
ip -n "$NSS" addr add 10.200.0.2/24 dev veth0
ip -n "$NSC" addr add fd00:200::1/64 dev veth0 nodad
ip -n "$NSS" addr add fd00:200::2/64 dev veth0 nodad
ip -n "$NSC" addr add 10.200.100.1/24 dev "$vlan_dev"
ip -n "$NSS" addr add 10.200.100.2/24 dev "$vlan_dev"

# Safety: the namespaces must have no route anywhere but their own subnets.
for ns in "$NSC" "$NSS"; do
    [[ -z $(ip -n "$ns" route show default) && -z $(ip -n "$ns" -6 route show default) ]] ||
        die "unexpected default route in $ns"
done

# ---------------------------------------------------------------- servers
log "starting dnsmasq, nginx, openssl s_server in $NSS"

# DNS: only local names, no upstream, no /etc/hosts, no config file.
start_in "$NSS" "$tmp/dnsmasq.out" dnsmasq --keep-in-foreground --conf-file=/dev/null --no-resolv --no-hosts \
    --bind-interfaces --listen-address=10.200.0.2 --listen-address=fd00:200::2 \
    --listen-address=10.200.100.2 --port=53 --pid-file="$tmp/dnsmasq.pid" \
    --local=/example.test/ \
    --host-record=app.example.test,10.200.0.2,fd00:200::2 \
    --host-record=api.example.test,10.200.0.2 \
    --host-record=vlan.example.test,10.200.100.2 \
    --cname=www.example.test,app.example.test \
    --log-queries --log-facility="$tmp/dnsmasq.log"

# HTTP: nginx with its own config, single process, everything in $tmp.
mkdir -p "$tmp/nginx"
cat >"$tmp/nginx/nginx.conf" <<EOF
daemon off;
master_process off;
worker_processes 1;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log warn;
events { worker_connections 64; }
http {
    access_log $tmp/nginx/access.log;
    client_body_temp_path $tmp/nginx/body;
    proxy_temp_path $tmp/nginx/proxy;
    fastcgi_temp_path $tmp/nginx/fastcgi;
    uwsgi_temp_path $tmp/nginx/uwsgi;
    scgi_temp_path $tmp/nginx/scgi;
    server_tokens off;
    keepalive_timeout 5s;
    server {
        listen 10.200.0.2:80;
        listen [fd00:200::2]:80;
        listen 10.200.100.2:80;
        server_name app.example.test;
        location = / {
            default_type text/html;
            return 200 "<!doctype html>\n<html><head><title>StratoShark sample</title></head><body><h1>Hello from app.example.test</h1></body></html>\n";
        }
        location = /api/products {
            default_type application/json;
            return 200 '{"products":[{"sku":"A-100","name":"Widget","price":9.99},{"sku":"B-200","name":"Gadget","price":24.5}]}\n';
        }
        location = /api/orders {
            default_type application/json;
            return 201 '{"order":1001,"status":"created"}\n';
        }
        location = /maintenance {
            return 503;
        }
    }
}
EOF
start_in "$NSS" "$tmp/nginx.out" \
    nginx -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" -e "$tmp/nginx/error.log"

# TLS: throw-away self-signed certificate, s_server -www on 443.
openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj /CN=app.example.test \
    -addext "subjectAltName=DNS:app.example.test" \
    -keyout "$tmp/key.pem" -out "$tmp/cert.pem" >/dev/null 2>&1
start_in "$NSS" "$tmp/s_server.out" \
    openssl s_server -accept 10.200.0.2:443 -cert "$tmp/cert.pem" -key "$tmp/key.pem" -www

wait_for "dnsmasq" 100 listening ins udp 53
wait_for "nginx" 100 listening ins tcp 80
wait_for "openssl s_server" 100 listening ins tcp 443
for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null ||
        die "a server exited early: $(tail -n 3 "$tmp"/*.out "$tmp"/nginx/error.log 2>/dev/null)"
done

# Readiness was checked from the server side only, so the client has not
# talked to the server yet; flush neighbour caches so ARP/ND are captured.
ip -n "$NSC" neigh flush all
ip -n "$NSS" neigh flush all

# ---------------------------------------------------------------- capture
log "starting dumpcap on $NSC/veth0"
cap="$tmp/capture.pcapng"
start_in "$NSC" "$tmp/dumpcap.log" dumpcap -n -i veth0 -w "$cap" \
    --capture-comment "StratoShark sample: synthetic traffic between network namespaces, made by tools/make-sample-capture.sh"
dumpcap_pid=$last_pid
wait_for "dumpcap to start capturing" 100 grep -q "Capturing on" "$tmp/dumpcap.log"
wait_for "dumpcap to create its file" 50 test -s "$cap"
sleep 0.5

# ---------------------------------------------------------------- traffic
log "generating traffic"
t() { timeout 10 ip netns exec "$NSC" "$@"; }   # client call with a timeout
dig_() { t dig +time=2 +tries=1 "$@" >/dev/null; }
curl_() { t curl -sS --max-time 5 -o /dev/null "$@"; }

# ARP + ICMP echo, ND + ICMPv6 echo
t ping -c 3 -i 0.2 -W 2 10.200.0.2 >/dev/null
t ping -6 -c 3 -i 0.2 -W 2 fd00:200::2 >/dev/null
sleep 0.2

# DNS over UDP and TCP
dig_ @10.200.0.2 app.example.test A
dig_ @10.200.0.2 app.example.test AAAA
dig_ @10.200.0.2 www.example.test A        # CNAME -> app.example.test
dig_ @10.200.0.2 missing.example.test A    # NXDOMAIN
dig_ @10.200.0.2 +tcp api.example.test A
dig_ @fd00:200::2 app.example.test AAAA
sleep 0.2

# HTTP/1.1
resolve=(--resolve app.example.test:80:10.200.0.2)
curl_ "${resolve[@]}" http://app.example.test/
# keep-alive: two requests on one connection (a second -o for the second URL)
curl_ "${resolve[@]}" -o /dev/null http://app.example.test/api/products http://app.example.test/
curl_ "${resolve[@]}" -H 'Content-Type: application/json' \
    --data '{"sku":"A-100","qty":2}' http://app.example.test/api/orders
curl_ "${resolve[@]}" http://app.example.test/maintenance    # 503
curl_ -g 'http://[fd00:200::2]/api/products'                       # over IPv6
rc=0; curl_ http://10.200.0.2:8080/ 2>/dev/null || rc=$?          # closed port -> RST
[[ $rc -eq 7 ]] || die "expected curl to be refused on a closed port (exit 7), got $rc"
sleep 0.2

# TLS 1.2 and TLS 1.3 (SNI app.example.test)
tls_resolve=(--resolve app.example.test:443:10.200.0.2)
curl_ -k "${tls_resolve[@]}" --tlsv1.2 --tls-max 1.2 https://app.example.test/
curl_ -k "${tls_resolve[@]}" --tlsv1.3 https://app.example.test/
sleep 0.2

# VLAN 100: ping, DNS and HTTP over the tagged sub-interface
t ping -c 2 -i 0.2 -W 2 10.200.100.2 >/dev/null
dig_ @10.200.100.2 vlan.example.test A
curl_ http://10.200.100.2/

sleep 1   # let the last FIN/ACKs cross the wire

# ---------------------------------------------------------------- stop capture
log "stopping dumpcap"
kill -INT "$dumpcap_pid"
rc=0
for _ in $(seq 1 50); do
    kill -0 "$dumpcap_pid" 2>/dev/null || break
    sleep 0.1
done
kill -0 "$dumpcap_pid" 2>/dev/null && die "dumpcap did not stop on SIGINT"
wait "$dumpcap_pid" || rc=$?
rest=()
for pid in "${pids[@]}"; do [[ $pid == "$dumpcap_pid" ]] || rest+=("$pid"); done
pids=("${rest[@]}")
[[ $rc -eq 0 ]] || die "dumpcap exited with status $rc: $(cat "$tmp/dumpcap.log")"

# ---------------------------------------------------------------- verify
log "verifying capture"
# Display filters that must each match at least one frame (no commas in them:
# they are passed as one comma-separated io,stat list, so one tshark pass).
must_match=(
    arp icmp icmpv6 dns tcp http tls vlan
    'icmpv6.type == 135' 'icmpv6.type == 136'
    'dns.flags.rcode == 3' 'dns.cname' 'dns.aaaa' 'dns && tcp'
    'http.request.method == "POST"' 'http.response.code == 503' 'ipv6 && http'
    'tcp.flags.reset == 1' 'vlan && arp' 'vlan && icmp' 'vlan && dns' 'vlan && http'
    'tls.handshake.type == 2 && tls.handshake.version == 0x0303 && !tls.handshake.extensions.supported_version'
    'tls.handshake.type == 2 && tls.handshake.extensions.supported_version == 0x0304'
)
bad_checksum='ip.checksum.status == 0 || tcp.checksum.status == 0 || udp.checksum.status == 0 || icmp.checksum.status == 0 || icmpv6.checksum.status == 0'
filters=(frame "$bad_checksum" "${must_match[@]}")
# io,stat prints one row per interval: "| 0.000 <> 2.6 | frames | bytes | ..."
mapfile -t counts < <(IFS=,; tshark -r "$cap" -q \
    -o ip.check_checksum:TRUE -o tcp.check_checksum:TRUE -o udp.check_checksum:TRUE \
    -z "io,stat,0,${filters[*]}" 2>/dev/null |
    awk -F'|' '/<>/ { for (i = 3; i < NF; i += 2) print $i + 0 }')
((${#counts[@]} == ${#filters[@]})) ||
    die "could not parse tshark io,stat output (${#counts[@]} of ${#filters[@]} columns)"
fail=0
packets=${counts[0]}
((counts[1] == 0)) || { log "${counts[1]} frames with bad checksums (offloads still on?)"; fail=1; }
for ((k = 2; k < ${#filters[@]}; k++)); do
    ((counts[k] > 0)) || { log "MISSING: no frames match '${filters[k]}'"; fail=1; }
done
size=$(stat -c %s "$cap")
((packets >= 100 && packets <= 400)) || { log "packet count $packets outside 100..400"; fail=1; }
((size < 200 * 1024)) || { log "file is $size bytes, over 200 KB"; fail=1; }
((fail == 0)) || die "verification failed; capture not written to $out"

mkdir -p "$(dirname "$out")"
install -m 0644 "$cap" "$out"
log "wrote $out: $packets packets, $size bytes"
