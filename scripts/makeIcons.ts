/**
 * Draws Concord's app icons and writes them to appPackage/: `color.png` (192×192, the mark on the
 * accent colour) and `outline.png` (32×32, white on transparent). The mark is two overlapping speech
 * bubbles, the front one carrying a check: a conversation that ends in a commitment.
 *
 * Shapes are signed distance functions in a 100×100 mark space, sampled on a grid inside every pixel,
 * so the output is the same bytes on every machine. Run: `npx tsx scripts/makeIcons.ts`.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { encodePng, type RgbaImage } from "../manifest/png.ts";

type Sdf = (x: number, y: number) => number;
type Rgb = readonly [number, number, number];

const ACCENT: Rgb = [0x3a, 0x45, 0xb0];
const BACK_BUBBLE: Rgb = [0xa8, 0xb6, 0xff];
const WHITE: Rgb = [0xff, 0xff, 0xff];

function roundedRect(x0: number, y0: number, x1: number, y1: number, radius: number): Sdf {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const hx = (x1 - x0) / 2 - radius;
  const hy = (y1 - y0) / 2 - radius;
  return (x, y) => {
    const qx = Math.abs(x - cx) - hx;
    const qy = Math.abs(y - cy) - hy;
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
  };
}

function polygon(points: readonly (readonly [number, number])[]): Sdf {
  return (x, y) => {
    let nearest = Infinity;
    let sign = 1;
    for (let i = 0, j = points.length - 1; i < points.length; j = i, i++) {
      const [xi, yi] = points[i]!;
      const [xj, yj] = points[j]!;
      const ex = xj - xi;
      const ey = yj - yi;
      const wx = x - xi;
      const wy = y - yi;
      const t = Math.min(Math.max((wx * ex + wy * ey) / (ex * ex + ey * ey), 0), 1);
      nearest = Math.min(nearest, Math.hypot(wx - ex * t, wy - ey * t));
      const crosses = [y >= yi, y < yj, ex * wy > ey * wx];
      if (crosses.every(Boolean) || crosses.every((c) => !c)) sign = -sign;
    }
    return sign * nearest;
  };
}

function polyline(points: readonly (readonly [number, number])[], width: number): Sdf {
  return (x, y) => {
    let nearest = Infinity;
    for (let i = 1; i < points.length; i++) {
      const [ax, ay] = points[i - 1]!;
      const [bx, by] = points[i]!;
      const ex = bx - ax;
      const ey = by - ay;
      const t = Math.min(Math.max(((x - ax) * ex + (y - ay) * ey) / (ex * ex + ey * ey), 0), 1);
      nearest = Math.min(nearest, Math.hypot(x - ax - ex * t, y - ay - ey * t));
    }
    return nearest - width / 2;
  };
}

const union = (...shapes: Sdf[]): Sdf => (x, y) => Math.min(...shapes.map((s) => s(x, y)));
const subtract = (shape: Sdf, cut: Sdf): Sdf => (x, y) => Math.max(shape(x, y), -cut(x, y));
const grow = (shape: Sdf, by: number): Sdf => (x, y) => shape(x, y) - by;
/** The band of `width` just inside the shape's edge, so the stroked shape keeps its outer size. */
const insetStroke = (shape: Sdf, width: number): Sdf => (x, y) => {
  const d = shape(x, y);
  return Math.max(d, -d - width);
};

const backBubble = union(roundedRect(30, 0, 100, 58, 14), polygon([[70, 44], [90, 44], [97, 76]]));
const frontBubble = union(roundedRect(0, 28, 70, 86, 14), polygon([[10, 72], [28, 72], [3, 100]]));
const check = polyline([[19, 57], [31, 69], [52, 46]], 9);
const GAP = 7;

interface Layer {
  shape: Sdf;
  color: Rgb;
}

const SAMPLES = 16;

/** The fraction of pixel (px, py) inside `shape`, where `scale` is mark units per pixel. */
function coverageAt(shape: Sdf, px: number, py: number, offset: number, scale: number): number {
  // The distances are lower bounds, so a pixel whose centre is more than half a diagonal from every edge is all in or all out.
  const centre = shape((px + 0.5 - offset) * scale, (py + 0.5 - offset) * scale);
  if (centre > scale) return 0;
  if (centre < -scale) return 1;
  let inside = 0;
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const x = (px + (sx + 0.5) / SAMPLES - offset) * scale;
      const y = (py + (sy + 0.5) / SAMPLES - offset) * scale;
      if (shape(x, y) < 0) inside++;
    }
  }
  return inside / (SAMPLES * SAMPLES);
}

/** Renders layers (painted in order) onto a canvas; `markSize` and `offset` place the 100-unit mark in pixels. */
function render(size: number, markSize: number, offset: number, background: Rgb | null, layers: Layer[]): RgbaImage {
  const scale = 100 / markSize;
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b] = background ?? WHITE;
      let alpha = background ? 1 : 0;
      for (const { shape, color } of layers) {
        const coverage = coverageAt(shape, px, py, offset, scale);
        if (coverage === 0) continue;
        const outAlpha = coverage + alpha * (1 - coverage);
        r = (color[0] * coverage + r * alpha * (1 - coverage)) / outAlpha;
        g = (color[1] * coverage + g * alpha * (1 - coverage)) / outAlpha;
        b = (color[2] * coverage + b * alpha * (1 - coverage)) / outAlpha;
        alpha = outAlpha;
      }
      rgba.set([Math.round(r), Math.round(g), Math.round(b), Math.round(alpha * 255)], (py * size + px) * 4);
    }
  }
  return { width: size, height: size, rgba };
}

const color = render(192, 112, 40, ACCENT, [
  { shape: subtract(backBubble, grow(frontBubble, GAP)), color: BACK_BUBBLE },
  { shape: subtract(frontBubble, check), color: WHITE },
]);

// Outline icons are line art: the back bubble is an outline, the front one solid with the check cut out.
const outline = render(32, 28, 2, null, [
  {
    shape: union(
      subtract(insetStroke(backBubble, 7.5), grow(frontBubble, GAP)),
      subtract(frontBubble, check),
    ),
    color: WHITE,
  },
]);

const appPackage = fileURLToPath(new URL("../appPackage/", import.meta.url));
writeFileSync(`${appPackage}color.png`, encodePng(color));
writeFileSync(`${appPackage}outline.png`, encodePng(outline));
console.log(`wrote ${appPackage}color.png (192×192) and ${appPackage}outline.png (32×32)`);
