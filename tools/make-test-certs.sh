#!/bin/sh
# Makes the small DER certificates the TLS/X.509 tests read (tests/data/tls-cert-*.der):
# throw-away self-signed EC keys, the private keys are not kept.
#   tls-cert-valid.der    valid for 10 years, SAN with a DNS name, an IP address and a
#                         spiffe:// URI, basicConstraints and keyUsage
#   tls-cert-expired.der  valid for 1 day only: expired at any capture time after that
# Usage: tools/make-test-certs.sh [OUTDIR]   (default: tests/captures)
set -eu
out=${1:-"$(dirname "$0")/../tests/data"}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
  -keyout "$tmp/valid.key" -outform DER -out "$out/tls-cert-valid.der" -days 3650 \
  -subj "/C=US/O=StratoShark Test/CN=app.example.test" \
  -addext "subjectAltName=DNS:app.example.test,IP:192.0.2.7,URI:spiffe://example.test/ns/default/sa/web" \
  -addext "basicConstraints=critical,CA:FALSE" \
  -addext "keyUsage=critical,digitalSignature"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
  -keyout "$tmp/expired.key" -outform DER -out "$out/tls-cert-expired.der" -days 1 \
  -subj "/C=US/O=StratoShark Test/CN=expired.example.test" \
  -addext "subjectAltName=DNS:expired.example.test"
