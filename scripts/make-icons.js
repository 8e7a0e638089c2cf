#!/usr/bin/env node
/**
 * Draws the add-in's icons (16, 32, 64, 80, 128 px PNG) into assets/ with no dependency but zlib:
 * a Fluent-blue rounded square holding a small table (three rows) and a white check mark.
 * Run: node scripts/make-icons.js   (the PNGs are committed; rerun only to change the design)
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const OUT = path.join(__dirname, "..", "assets");

function crc32(buf) {
  let c;
  const table =
    crc32.table ||
    (crc32.table = Array.from({ length: 256 }, (_, n) => {
      c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      return c >>> 0;
    }));
  let crc = 0xffffffff;
  for (const b of buf) crc = table[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Signed distance helpers in a 0..1 square. */
function inRoundRect(x, y, x0, y0, x1, y1, r) {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
}
function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax,
    dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Colour of the point (x, y) in unit coordinates, or null for transparent. */
function shade(x, y, size) {
  const blue = [15, 108, 189];
  const light = [222, 236, 249];
  const white = [255, 255, 255];
  const green = [16, 124, 16];
  if (!inRoundRect(x, y, 0.02, 0.02, 0.98, 0.98, 0.18)) return null;
  // The sheet: a white card with three ruled rows.
  const small = size <= 16;
  if (inRoundRect(x, y, 0.16, 0.2, 0.7, 0.84, 0.05)) {
    const rule = small ? 0.06 : 0.035;
    for (const ry of [0.4, 0.56, 0.72]) if (Math.abs(y - ry) < rule / 2 && x > 0.22 && x < 0.64) return light.map((c) => c - 60);
    if (!small && Math.abs(x - 0.36) < 0.0175 && y > 0.3 && y < 0.78) return light.map((c) => c - 60);
    return y < 0.3 ? light : white;
  }
  // The check mark, green on a white disc, bottom right.
  const cx = 0.7,
    cy = 0.7,
    r = 0.24;
  const d = Math.hypot(x - cx, y - cy);
  if (d <= r) {
    const w = small ? 0.08 : 0.06;
    const dc = Math.min(distToSegment(x, y, 0.58, 0.69, 0.66, 0.78), distToSegment(x, y, 0.66, 0.78, 0.82, 0.61));
    if (dc < w) return white;
    return green;
  }
  if (d <= r + 0.035) return blue.map((c) => Math.min(255, c + 40));
  return blue;
}

function draw(size) {
  const ss = 4; // supersampling per axis
  const out = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = shade((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size, size);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      out[i] = a ? Math.round(r / a) : 0;
      out[i + 1] = a ? Math.round(g / a) : 0;
      out[i + 2] = a ? Math.round(b / a) : 0;
      out[i + 3] = Math.round((255 * a) / (ss * ss));
    }
  }
  return png(size, out);
}

fs.mkdirSync(OUT, { recursive: true });
for (const size of SIZES) {
  const file = path.join(OUT, `icon-${size}.png`);
  fs.writeFileSync(file, draw(size));
  console.log(`${path.relative(process.cwd(), file)}  ${size}×${size}`);
}
// The ribbon's large button uses 80 px; the pane header shows the 64 px one.
