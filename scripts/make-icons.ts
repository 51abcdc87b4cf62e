import fs from 'node:fs'
import path from 'node:path'
import { deflateSync } from 'node:zlib'

/**
 * Draws the app's icons (public/icons/*.png) from the same shapes as public/icons/icon.svg: two pages, one
 * over the other, on the brand teal. Plain pixels and zlib, so no image tool is needed; run it again after
 * changing the shapes (`npx tsx scripts/make-icons.ts`) and commit the PNGs.
 */
const BRAND = [0x1f, 0x6f, 0x68] as const
const PAGE = [0xff, 0xff, 0xff] as const
const BACK_PAGE = [0xd5, 0xeb, 0xe8] as const
const LINE = [0x17, 0x5a, 0x54] as const

type Rgb = readonly [number, number, number]
/** A shape in a 0..1 square: [x, y, width, height, colour]. Maskable icons keep shapes in the centre 80 %. */
type Rect = readonly [number, number, number, number, Rgb]

function shapes(inset: number): Rect[] {
  const s = (v: number) => inset + v * (1 - 2 * inset)
  const w = (v: number) => v * (1 - 2 * inset)
  return [
    [s(0.3), s(0.16), w(0.46), w(0.58), BACK_PAGE],
    [s(0.22), s(0.26), w(0.46), w(0.58), PAGE],
    ...[0.38, 0.48, 0.58, 0.68].map((y, i): Rect => [s(0.29), s(y), w(i === 3 ? 0.2 : 0.32), w(0.04), LINE]),
  ]
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Buffer): number {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

function png(size: number, rects: Rect[]): Buffer {
  const rows: Buffer[] = []
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3)
    for (let x = 0; x < size; x++) {
      const [fx, fy] = [(x + 0.5) / size, (y + 0.5) / size]
      const hit = rects.findLast(([rx, ry, rw, rh]) => fx >= rx && fx < rx + rw && fy >= ry && fy < ry + rh)
      row.set(hit ? hit[4] : BRAND, 1 + x * 3)
    }
    rows.push(row)
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))])
}

const dir = path.resolve('public/icons')
fs.mkdirSync(dir, { recursive: true })
const icons: [string, number, number][] = [
  ['icon-192.png', 192, 0],
  ['icon-512.png', 512, 0],
  ['icon-maskable-512.png', 512, 0.1],
  ['apple-touch-icon.png', 180, 0.05],
]
for (const [name, size, inset] of icons) fs.writeFileSync(path.join(dir, name), png(size, shapes(inset)))
console.log(`Wrote ${icons.length} icons to ${dir}`)
