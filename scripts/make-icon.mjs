// Draws images/icon.png (128x128): a green rounded tile with a white page and a check mark.
// Built-ins only (zlib + hand-written PNG chunks), so it runs anywhere: node scripts/make-icon.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const N = 128;
const SS = 4; // supersampling per axis, for anti-aliased edges

// Signed distance to a rounded rectangle centred at (cx, cy) with half sizes (hx, hy) and radius r.
function roundRect(x, y, cx, cy, hx, hy, r) {
  const qx = Math.abs(x - cx) - hx + r;
  const qy = Math.abs(y - cy) - hy + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}
// Distance to the segment (ax, ay)-(bx, by).
function segment(x, y, ax, ay, bx, by) {
  const px = x - ax, py = y - ay, dx = bx - ax, dy = by - ay;
  const h = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * h, py - dy * h);
}

// Returns [r, g, b, a] for one sample point.
function sample(x, y) {
  if (roundRect(x, y, 64, 64, 62, 62, 22) > 0) return [0, 0, 0, 0];
  const t = y / N; // vertical gradient: teal to deep green
  let c = [Math.round(22 + 10 * t), Math.round(160 - 60 * t), Math.round(120 - 40 * t), 255];
  const page = roundRect(x, y, 56, 62, 30, 40, 5);
  if (page <= 0) {
    c = [250, 252, 250, 255];
    for (const ly of [40, 54, 68]) {
      if (segment(x, y, 38, ly, 74, ly) < 3) c = [150, 190, 170, 255];
    }
  }
  // check mark in a gold disc at the lower right
  if (Math.hypot(x - 90, y - 92) < 24) c = [245, 183, 0, 255];
  if (segment(x, y, 79, 92, 87, 101) < 4.5 || segment(x, y, 87, 101, 102, 83) < 4.5) c = [255, 255, 255, 255];
  return c;
}

const raw = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) {
  raw[y * (N * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < N; x++) {
    const acc = [0, 0, 0, 0];
    for (let sy = 0; sy < SS; sy++)
      for (let sx = 0; sx < SS; sx++) {
        const [r, g, b, a] = sample(x + (sx + 0.5) / SS, y + (sy + 0.5) / SS);
        acc[0] += r * a; acc[1] += g * a; acc[2] += b * a; acc[3] += a;
      }
    const o = y * (N * 4 + 1) + 1 + x * 4;
    const a = acc[3] / (SS * SS);
    for (let i = 0; i < 3; i++) raw[o + i] = acc[3] ? Math.round(acc[i] / acc[3]) : 0;
    raw[o + 3] = Math.round(a);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0); ihdr.writeUInt32BE(N, 4);
ihdr[8] = 8; ihdr[9] = 6; // 8-bit RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
mkdirSync('images', { recursive: true });
writeFileSync('images/icon.png', png);
console.log(`images/icon.png: ${png.length} bytes`);
