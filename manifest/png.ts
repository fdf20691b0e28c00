import { deflateSync, inflateSync } from "node:zlib";

/** An 8-bit RGBA raster: `rgba` holds width × height × 4 bytes, row by row. */
export interface RgbaImage {
  width: number;
  height: number;
  rgba: Uint8Array;
}

/** What a PNG's IHDR chunk says about the image. */
export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
}

/** Thrown when bytes are not a PNG this module can read; the message says what is wrong. */
export class PngError extends Error {
  override name = "PngError";
}

const SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const COLOR_TYPE_RGBA = 6;
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  typeAndData.copy(out, 4);
  out.writeUInt32BE(crc32(typeAndData), 8 + data.length);
  return out;
}

/** Encodes an RGBA raster as a non-interlaced 8-bit RGBA PNG (filter 0 on every row, so output is deterministic). */
export function encodePng(image: RgbaImage): Buffer {
  const { width, height, rgba } = image;
  if (rgba.length !== width * height * 4) {
    throw new PngError(`rgba has ${rgba.length} bytes; a ${width}×${height} image needs ${width * height * 4}`);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, COLOR_TYPE_RGBA, 0, 0, 0], 8);
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  return Buffer.concat([
    Buffer.from(SIGNATURE),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

interface Chunk {
  type: string;
  data: Buffer;
}

function readChunks(bytes: Buffer): Chunk[] {
  if (bytes.length < SIGNATURE.length || !SIGNATURE.every((b, i) => bytes[i] === b)) {
    throw new PngError("not a PNG file (the 8-byte PNG signature is missing)");
  }
  const chunks: Chunk[] = [];
  let offset = SIGNATURE.length;
  while (offset + 8 <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString("latin1", offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (end > bytes.length) throw new PngError(`PNG chunk ${type} runs past the end of the file`);
    chunks.push({ type, data: bytes.subarray(offset + 8, offset + 8 + length) });
    offset = end;
    if (type === "IEND") break;
  }
  if (chunks[0]?.type !== "IHDR") throw new PngError("PNG does not start with an IHDR chunk");
  return chunks;
}

function parseHeader(ihdr: Buffer): PngHeader {
  if (ihdr.length !== 13) throw new PngError(`PNG IHDR is ${ihdr.length} bytes, expected 13`);
  return {
    width: ihdr.readUInt32BE(0),
    height: ihdr.readUInt32BE(4),
    bitDepth: ihdr[8] ?? 0,
    colorType: ihdr[9] ?? 0,
    interlace: ihdr[12] ?? 0,
  };
}

/** Reads a PNG's size and format from its header without decoding pixels. */
export function readPngHeader(bytes: Buffer): PngHeader {
  const [ihdr] = readChunks(bytes);
  return parseHeader(ihdr!.data);
}

/** True when the PNG format can carry transparency: an alpha channel, or a tRNS chunk. */
export function pngHasAlpha(bytes: Buffer): boolean {
  const chunks = readChunks(bytes);
  const { colorType } = parseHeader(chunks[0]!.data);
  return colorType === 4 || colorType === 6 || chunks.some((c) => c.type === "tRNS");
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

function unfilter(data: Buffer, width: number, height: number, bytesPerPixel: number): Uint8Array {
  const stride = width * bytesPerPixel;
  if (data.length < (stride + 1) * height) {
    throw new PngError(`PNG pixel data is ${data.length} bytes, expected ${(stride + 1) * height}`);
  }
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = data[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const raw = data[src + x] ?? 0;
      const left = x >= bytesPerPixel ? (out[row + x - bytesPerPixel] ?? 0) : 0;
      const up = y > 0 ? (out[row - stride + x] ?? 0) : 0;
      const upLeft = y > 0 && x >= bytesPerPixel ? (out[row - stride + x - bytesPerPixel] ?? 0) : 0;
      let predicted: number;
      switch (filter) {
        case 0: predicted = 0; break;
        case 1: predicted = left; break;
        case 2: predicted = up; break;
        case 3: predicted = (left + up) >> 1; break;
        case 4: predicted = paeth(left, up, upLeft); break;
        default: throw new PngError(`PNG row ${y} uses unknown filter type ${String(filter)}`);
      }
      out[row + x] = (raw + predicted) & 0xff;
    }
  }
  return out;
}

/** Decodes a non-interlaced 8-bit PNG (greyscale, RGB, palette, grey+alpha or RGBA) to RGBA. */
export function decodePng(bytes: Buffer): RgbaImage {
  const chunks = readChunks(bytes);
  const header = parseHeader(chunks[0]!.data);
  const { width, height, bitDepth, colorType, interlace } = header;
  const channels = CHANNELS[colorType];
  if (channels === undefined) throw new PngError(`PNG colour type ${colorType} is not valid`);
  if (bitDepth !== 8) throw new PngError(`PNG bit depth ${bitDepth} is not supported here (use 8-bit)`);
  if (interlace !== 0) throw new PngError("interlaced PNGs are not supported here");
  const palette = chunks.find((c) => c.type === "PLTE")?.data;
  const transparency = chunks.find((c) => c.type === "tRNS")?.data;
  const compressed = Buffer.concat(chunks.filter((c) => c.type === "IDAT").map((c) => c.data));
  let inflated: Buffer;
  try {
    inflated = inflateSync(compressed);
  } catch (error) {
    throw new PngError(`PNG pixel data does not inflate: ${(error as Error).message}`);
  }
  const pixels = unfilter(inflated, width, height, channels);
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const p = i * channels;
    const o = i * 4;
    const v0 = pixels[p] ?? 0;
    switch (colorType) {
      case 0:
        rgba.set([v0, v0, v0, transparency && transparency.readUInt16BE(0) === v0 ? 0 : 255], o);
        break;
      case 2: {
        const [r, g, b] = [v0, pixels[p + 1] ?? 0, pixels[p + 2] ?? 0];
        const isKey = transparency !== undefined && transparency.length >= 6 &&
          transparency.readUInt16BE(0) === r && transparency.readUInt16BE(2) === g && transparency.readUInt16BE(4) === b;
        rgba.set([r, g, b, isKey ? 0 : 255], o);
        break;
      }
      case 3: {
        if (!palette || v0 * 3 + 2 >= palette.length) throw new PngError(`PNG palette index ${v0} is out of range`);
        rgba.set([palette[v0 * 3] ?? 0, palette[v0 * 3 + 1] ?? 0, palette[v0 * 3 + 2] ?? 0, transparency?.[v0] ?? 255], o);
        break;
      }
      case 4:
        rgba.set([v0, v0, v0, pixels[p + 1] ?? 0], o);
        break;
      default:
        rgba.set(pixels.subarray(p, p + 4), o);
    }
  }
  return { width, height, rgba };
}
