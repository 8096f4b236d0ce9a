#!/usr/bin/env bash
# Regenerates the raster icons from the one SVG source. The results are checked in, so builds never need these tools.
# Needs: rsvg-convert (librsvg2-bin), ImageMagick 6 (imagemagick), png2icns (icnsutils).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
svg="$here/linux/io.github.pghadesigner.PgHaDesigner.svg"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

for s in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$s" -h "$s" "$svg" -o "$tmp/icon-$s.png"
done
# Windows: one .ico with the sizes Explorer and the taskbar ask for (256 is stored PNG-compressed by ImageMagick).
convert-im6.q16 "$tmp"/icon-{16,24,32,48,64,128,256}.png "$here/windows/pgha-designer.ico" 2>/dev/null \
  || convert "$tmp"/icon-{16,24,32,48,64,128,256}.png "$here/windows/pgha-designer.ico"
# macOS: .icns from the sizes png2icns knows.
png2icns "$here/macos/pgha-designer.icns" "$tmp"/icon-{16,32,48,128,256,512,1024}.png >/dev/null
# A 256 px PNG for places that take no SVG (AppStream screenshots aside, e.g. some installers).
cp "$tmp/icon-256.png" "$here/linux/io.github.pghadesigner.PgHaDesigner-256.png"
echo "icons written: windows/pgha-designer.ico macos/pgha-designer.icns linux/*-256.png"
