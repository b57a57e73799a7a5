import { crc32, deflateSync } from "node:zlib";

/**
 * Demo exercise pictures, drawn here at seed time (no downloads): a stick
 * figure in a pose on a coloured card, encoded as PNG by hand (zlib's
 * deflate and crc32 do the compression and checksums).
 */
type Point = [number, number];
export type Pose = { colour: [number, number, number]; limbs: [Point, Point][]; head: Point };

const W = 480;
const H = 320;

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** A 480 x 320 RGB PNG of the pose. */
export function drawPosePng(pose: Pose): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < H; y++) {
    const row = Buffer.alloc(1 + W * 3); // filter byte 0 (none), then RGB
    for (let x = 0; x < W; x++) {
      const p: Point = [x, y];
      const ink = Math.hypot(x - pose.head[0], y - pose.head[1]) < 22 || pose.limbs.some(([a, b]) => distanceToSegment(p, a, b) < 7);
      const floor = y > 270;
      const [r, g, b] = ink ? [20, 32, 43] : floor ? pose.colour.map((c) => Math.round(c * 0.8)) : pose.colour;
      row[1 + x * 3] = r!;
      row[2 + x * 3] = g!;
      row[3 + x * 3] = b!;
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(W, 0);
  ihdr.writeUInt32BE(H, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, no filter method, no interlace
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(Buffer.concat(rows))), chunk("IEND", Buffer.alloc(0))]);
}

/** A few poses: lying bridge, kneeling reach, standing stretch. */
export const DEMO_POSES: Pose[] = [
  { colour: [214, 236, 240], head: [90, 240], limbs: [[[112, 250], [230, 200]], [[230, 200], [300, 230]], [[300, 230], [330, 270]], [[112, 250], [160, 270]]] },
  { colour: [232, 240, 214], head: [300, 120], limbs: [[[290, 140], [200, 180]], [[200, 180], [180, 270]], [[180, 270], [260, 270]], [[270, 150], [400, 120]], [[210, 175], [120, 200]]] },
  { colour: [244, 228, 214], head: [240, 70], limbs: [[[240, 92], [240, 190]], [[240, 190], [200, 270]], [[240, 190], [290, 270]], [[240, 110], [170, 40]], [[240, 110], [310, 40]]] },
];
