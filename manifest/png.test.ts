import { describe, expect, it } from "vitest";
import { decodePng, encodePng, PngError, pngHasAlpha, readPngHeader } from "./png.ts";
import { buildPng } from "./pngFixtures.ts";

const gradient = (width: number, height: number) => {
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) rgba.set([(i * 37) & 255, (i * 11) & 255, (i * 3) & 255, 255 - ((i * 5) & 255)], i * 4);
  return { width, height, rgba };
};

/** Encodes RGBA rows with the given PNG filter per row. */
function encodeWithFilters(image: ReturnType<typeof gradient>, filters: number[]): Buffer {
  const { width, height, rgba } = image;
  const stride = width * 4;
  const at = (x: number, y: number) => (x < 0 || y < 0 ? 0 : (rgba[y * stride + x] ?? 0));
  const raw: number[] = [];
  for (let y = 0; y < height; y++) {
    const filter = filters[y % filters.length]!;
    raw.push(filter);
    for (let x = 0; x < stride; x++) {
      const [a, b, c] = [at(x - 4, y), at(x, y - 1), at(x - 4, y - 1)];
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predicted = [0, a, b, (a + b) >> 1, paeth][filter]!;
      raw.push((at(x, y) - predicted) & 255);
    }
  }
  return buildPng({ width, height, colorType: 6 }, raw);
}

describe("png", () => {
  it("round-trips an RGBA image and reports its header", () => {
    const image = gradient(7, 5);
    const bytes = encodePng(image);
    expect(readPngHeader(bytes)).toEqual({ width: 7, height: 5, bitDepth: 8, colorType: 6, interlace: 0 });
    expect(pngHasAlpha(bytes)).toBe(true);
    expect(decodePng(bytes)).toEqual(image);
  });

  it("decodes rows written with every filter type (sub, up, average, paeth)", () => {
    const image = gradient(9, 10);
    expect(decodePng(encodeWithFilters(image, [0, 1, 2, 3, 4])).rgba).toEqual(image.rgba);
  });

  it("decodes palette images with tRNS transparency and grey+alpha images", () => {
    const palette = buildPng({ width: 2, height: 1, colorType: 3 }, [0, 0, 1], [["PLTE", [255, 255, 255, 10, 20, 30]], ["tRNS", [0]]]);
    expect(pngHasAlpha(palette)).toBe(true);
    expect([...decodePng(palette).rgba]).toEqual([255, 255, 255, 0, 10, 20, 30, 255]);
    const greyAlpha = buildPng({ width: 2, height: 1, colorType: 4 }, [0, 255, 128, 7, 0]);
    expect([...decodePng(greyAlpha).rgba]).toEqual([255, 255, 255, 128, 7, 7, 7, 0]);
    const rgb = buildPng({ width: 1, height: 1, colorType: 2 }, [0, 1, 2, 3]);
    expect(pngHasAlpha(rgb)).toBe(false);
    expect([...decodePng(rgb).rgba]).toEqual([1, 2, 3, 255]);
  });

  it("rejects bytes that are not a PNG", () => {
    expect(() => readPngHeader(Buffer.from("GIF89a not a png"))).toThrow(PngError);
    expect(() => readPngHeader(Buffer.from("GIF89a not a png"))).toThrow(/PNG signature is missing/);
  });

  it("refuses a raster whose length does not match its size", () => {
    expect(() => encodePng({ width: 2, height: 2, rgba: new Uint8Array(15) })).toThrow(/needs 16/);
  });
});
