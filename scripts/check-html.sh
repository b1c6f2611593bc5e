#!/usr/bin/env bash
# Render the HTML report of the bundled corpus in headless Chromium and fail on a
# broken page (missing title, charts or documents in the DOM) or a blank one (a
# screenshot of a single colour). Usage: scripts/check-html.sh [OUT_DIR]
# Leaves report.html, dom.html and screenshot.png in OUT_DIR (default
# $CARGO_TARGET_DIR/check-html, or target/check-html). Set AVIS to an `avis` binary to skip the build.
set -euo pipefail

# OUT_DIR is relative to where the caller is; the default to the repository.
if [ -n "${1:-}" ]; then mkdir -p "$1" && out=$(realpath "$1"); fi
cd "$(dirname "$0")/.."
out=${out:-${CARGO_TARGET_DIR:-target}/check-html}
mkdir -p "$out"
out=$(realpath "$out")

if [ -z "${AVIS:-}" ]; then
    cargo build --release --quiet --bin avis
    AVIS="${CARGO_TARGET_DIR:-target}/release/avis"
fi

corpus=data/consultation-2015.jsonl
docs=$(grep -c . "$corpus")
"$AVIS" report -q --topic consultation-2015 --html "$out/report.html" "$corpus" >/dev/null

chrome=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$chrome" ]; then
    echo "check-html: no chromium found; install it (Debian: apt-get install -y chromium)" >&2
    exit 1
fi

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
    --disable-background-networking --disable-component-update --disable-sync
    --user-data-dir="$profile")
url="file://$out/report.html"

rm -f "$out/screenshot.png" "$out/dom.html"
timeout 120 "$chrome" "${flags[@]}" --window-size=1280,1600 \
    --screenshot="$out/screenshot.png" "$url" >"$out/chromium.log" 2>&1 || {
    echo "check-html: chromium failed to take a screenshot, see $out/chromium.log" >&2
    exit 1
}
timeout 120 "$chrome" "${flags[@]}" --dump-dom "$url" >"$out/dom.html" 2>>"$out/chromium.log" || {
    echo "check-html: chromium failed to dump the DOM, see $out/chromium.log" >&2
    exit 1
}

python3 - "$out/dom.html" "$out/screenshot.png" "$docs" <<'PY'
"""Check the rendered DOM and decode the PNG screenshot (stdlib only)."""
import re
import struct
import sys
import zlib
from collections import Counter

dom_path, png_path, docs = sys.argv[1], sys.argv[2], int(sys.argv[3])
errors = []

dom = open(dom_path, encoding="utf-8").read()
title = re.search(r"<title>([^<]+)</title>", dom)
if not title:
    errors.append("no <title> in the DOM")
svgs = len(re.findall(r"<svg\b", dom))
if svgs < 3:
    errors.append(f"{svgs} <svg> charts in the DOM, expected at least 3")
articles = len(re.findall(r"<article\b", dom))
if articles != docs:
    errors.append(f"{articles} <article> elements in the DOM, expected one per document ({docs})")
if re.search(r"<script\b", dom):
    errors.append("a <script> element in the DOM: corpus text was not escaped")


def decode_png(path):
    """Width, height and rows of RGB(A) pixels of an 8-bit PNG."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, ihdr = 8, b"", None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, color, _, _, interlace = ihdr
    if depth != 8 or color not in (2, 6) or interlace:
        raise ValueError(f"unsupported PNG (depth {depth}, colour type {color}, interlace {interlace})")
    bpp = 3 if color == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


try:
    width, height, bpp, rows = decode_png(png_path)
    colours = Counter()
    for row in rows[::4]:
        for x in range(0, len(row), bpp * 4):
            colours[row[x:x + 3]] += 1
    total = sum(colours.values())
    top, top_count = colours.most_common(1)[0]
    other = 1 - top_count / total
    print(f"check-html: screenshot {width}x{height}, {len(colours)} colours sampled, "
          f"{other:.1%} of pixels differ from the background {tuple(top)}")
    if len(colours) < 8 or other < 0.01:
        errors.append("the screenshot is blank (one colour, or nearly)")
except Exception as e:  # a broken PNG is a failed check, not a crash
    errors.append(f"cannot decode the screenshot: {e}")

if errors:
    for e in errors:
        print(f"check-html: FAIL: {e}", file=sys.stderr)
    sys.exit(1)
print(f"check-html: ok: title {title.group(1)!r}, {svgs} charts, {articles} articles")
PY
