#!/usr/bin/env bash
# Pictures in a long body: each placement shows its own picture. Pages are
# written and freed as they fill (streaming), so a picture can be freed and
# the next one decoded at its address; the writer once took that address
# for the freed picture's and placed it again (main of 6 December: 30
# alternating red and blue pictures came out "rbbbrrrrrb..."). Equal
# pictures (the same file read twice) share one image object.
source "$(dirname "$0")/lib.sh"
cd "$TMP" || exit 1
python3 - <<'EOF'
import struct, zlib
def png(path, rgb):
    raw = b''.join(b'\x00' + bytes(rgb) * 32 for _ in range(32))
    def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    open(path, 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 32, 32, 8, 2, 0, 0, 0))
                           + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))
png('red.png', (255, 0, 0))
png('blue.png', (0, 0, 255))
para = "Filler text so that pages fill and are written before the next picture is read. " * 10
body = []
for i in range(30):
    body.append('  - image: %s.png' % ('red' if i % 2 == 0 else 'blue'))
    body += ['  - "%s"' % para] * 8
open('doc.yaml', 'w').write('layout: plain\ntitle: Pictures\nbody:\n' + '\n'.join(body) + '\n')
EOF
# The colour of each placed picture, in page order, from the images
# pdfimages extracts (one PNG per placement).
colours() {
  rm -rf "x$1" && mkdir "x$1" && pdfimages -png "$2" "x$1/i" && python3 - "x$1" <<'EOF'
import glob, struct, sys, zlib
def colour(path):
    d = open(path, 'rb').read(); i = 8; idat = b''
    while i < len(d):
        n = struct.unpack('>I', d[i:i + 4])[0]
        if d[i + 4:i + 8] == b'IDAT': idat += d[i + 8:i + 8 + n]
        i += 12 + n
    r, g, b = zlib.decompress(idat)[1:4]
    return 'r' if (r, g, b) == (255, 0, 0) else 'b' if (r, g, b) == (0, 0, 255) else '?'
print(''.join(colour(p) for p in sorted(glob.glob(sys.argv[1] + '/*.png'))))
EOF
}
want=$(printf 'rb%.0s' {1..15})
for j in 1 2; do
  "$FOLIO" render doc.yaml -o "out$j.pdf" -q -j $j
  check "-j $j: exit 0" test $? -eq 0
  check "-j $j: more than 20 pages" test "$(pdfinfo "out$j.pdf" | awk '/^Pages:/ {print $2}')" -gt 20
  got=$(colours $j "out$j.pdf")
  check "-j $j: each placement shows its own picture ($got)" test "$got" = "$want"
  check "-j $j: the 15 equal pictures of each colour share one image object" \
    test "$(pdfimages -list "out$j.pdf" | tail -n +3 | awk '{print $11}' | sort -u | wc -l)" -eq 2
done
check "-j 1 and -j 2 give the same bytes" cmp out1.pdf out2.pdf
finish
