/**
 * Draws the add-in's icons into assets/ at every size manifest.xml declares:
 * a Fluent brand-blue rounded square with three white ascending bars (deal values growing).
 * Run `node scripts/make-icons.mjs` after changing the design; the PNGs are committed.
 *
 * Shapes are defined in a unit square and rasterised with 8x8 supersampling, so every size is
 * drawn from the same geometry and stays anti-aliased at 16 px.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PNG } from "pngjs";

export const ICON_SIZES = [16, 32, 64, 80];

const BRAND = [0x0f, 0x6c, 0xbd]; // Fluent 2 brand blue (Office/Excel web)
const GLYPH = [0xff, 0xff, 0xff];
const CORNER = 0.1875; // background corner radius (3 px at 16 px)
// Bar geometry as fractions of the icon; snapped to whole pixels per size so small icons stay crisp.
const BAR_WIDTH = 0.16;
const BAR_GAP = 0.06;
const SIDE_MARGIN = 0.2;
const BAR_TOPS = [0.56, 0.4, 0.22];
const BAR_BOTTOM = 0.78;
const SAMPLES = 8;

function insideRoundedSquare(x, y) {
  const cx = Math.min(Math.max(x, CORNER), 1 - CORNER);
  const cy = Math.min(Math.max(y, CORNER), 1 - CORNER);
  return (x - cx) ** 2 + (y - cy) ** 2 <= CORNER ** 2;
}

/**
 * Whole-pixel bars for one size: the width and gap closest to the design whose leftover space splits
 * evenly on both sides (so the glyph is centred without half-pixel blur). Returned in unit coordinates.
 */
export function barsFor(size) {
  let best;
  for (let w = 1; w <= size / 3; w++) {
    for (let g = 1; g <= size / 4; g++) {
      const margin = (size - 3 * w - 2 * g) / 2;
      if (margin < 1 || !Number.isInteger(margin)) continue;
      const cost =
        Math.abs(w - BAR_WIDTH * size) +
        Math.abs(g - BAR_GAP * size) +
        0.5 * Math.abs(margin - SIDE_MARGIN * size);
      if (!best || cost < best.cost) best = { w, g, margin, cost };
    }
  }
  const bottom = Math.round(BAR_BOTTOM * size);
  return BAR_TOPS.map((top, i) => {
    const left = best.margin + i * (best.w + best.g);
    return {
      x0: left / size,
      x1: (left + best.w) / size,
      top: Math.round(top * size) / size,
      bottom: bottom / size,
    };
  });
}

function insideBar(bars, x, y) {
  return bars.some((b) => x >= b.x0 && x < b.x1 && y >= b.top && y < b.bottom);
}

/** RGBA pixels of one icon, straight (non-premultiplied) alpha. */
export function drawIcon(size) {
  const png = new PNG({ width: size, height: size });
  const bars = barsFor(size);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let background = 0;
      let glyph = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          if (!insideRoundedSquare(x, y)) continue;
          background++;
          if (insideBar(bars, x, y)) glyph++;
        }
      }
      const total = SAMPLES * SAMPLES;
      const alpha = background / total;
      const mix = background === 0 ? 0 : glyph / background;
      const i = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) {
        png.data[i + c] = Math.round(BRAND[c] * (1 - mix) + GLYPH[c] * mix);
      }
      png.data[i + 3] = Math.round(alpha * 255);
    }
  }
  return PNG.sync.write(png);
}

const outDir = join(dirname(fileURLToPath(import.meta.url)), "..", "assets");
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(outDir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = join(outDir, `icon-${size}.png`);
    writeFileSync(file, drawIcon(size));
    console.log(`wrote ${file}`);
  }
}
