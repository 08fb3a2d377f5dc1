/**
 * The map as one PNG: the base map (maplibre's WebGL canvas: background, boundaries, catchments), the
 * incident layers (deck.gl's canvas above it), the area labels (HTML markers, drawn as text) and the legend
 * (drawn from the same ramp and numbers as the on-screen legend), with a caption line. Both WebGL canvases
 * are created with `preserveDrawingBuffer`, so their last frame can be read back at any time.
 */
import { COUNT_RAMP, cssColor } from '../../map/layers/color-ramps';

/** A colour ramp of the legend with its end labels. */
export interface LegendRamp {
  title: string;
  min: string;
  max: string;
}

/** What to draw besides the map itself. */
export interface MapImageOptions {
  /** Ramps of the legend, top to bottom. */
  ramps: readonly LegendRamp[];
  /** Other legend lines (swatch-less notes). */
  notes?: readonly string[];
  /** A classed legend (the choropleth): a title and one colour swatch per class. */
  classes?: { title: string; classes: readonly { text: string; color: string }[] };
  /** A line under the map: title, data and period. */
  caption: string;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** Composes the map inside `container` into one canvas (device pixels). Throws if the map has no canvas. */
export function composeMapImage(container: HTMLElement, options: MapImageOptions): HTMLCanvasElement {
  const base = container.querySelector<HTMLCanvasElement>('canvas.maplibregl-canvas');
  if (!base) throw new Error('the map is not drawn yet');
  const overlays = [...container.querySelectorAll<HTMLCanvasElement>('canvas')].filter((c) => c !== base);
  const box = base.getBoundingClientRect();
  const scale = base.width / Math.max(1, box.width);
  const captionHeight = Math.round(28 * scale);
  const out = document.createElement('canvas');
  out.width = base.width;
  out.height = base.height + captionHeight;
  const g = out.getContext('2d');
  if (!g) throw new Error('this browser cannot draw images');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, out.width, out.height);
  g.drawImage(base, 0, 0);
  for (const overlay of overlays) {
    const r = overlay.getBoundingClientRect();
    g.drawImage(
      overlay,
      (r.left - box.left) * scale,
      (r.top - box.top) * scale,
      r.width * scale,
      r.height * scale,
    );
  }
  g.scale(scale, scale);
  drawLabels(g, container, box);
  drawLegend(g, options, box.height);
  g.fillStyle = '#222';
  g.font = `12px ${FONT}`;
  g.textBaseline = 'middle';
  g.fillText(options.caption, 8, box.height + 14, box.width - 16);
  return out;
}

function drawLabels(g: CanvasRenderingContext2D, container: HTMLElement, box: DOMRect): void {
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  for (const label of container.querySelectorAll<HTMLElement>('.map-label')) {
    const r = label.getBoundingClientRect();
    const x = r.left - box.left + r.width / 2;
    const y = r.top - box.top + r.height / 2;
    if (x < 0 || y < 0 || x > box.width || y > box.height) continue;
    const style = getComputedStyle(label);
    g.font = `${style.fontWeight} ${style.fontSize} ${FONT}`;
    g.lineWidth = 3;
    g.strokeStyle = 'rgba(255, 255, 255, 0.85)';
    g.strokeText(label.textContent ?? '', x, y);
    g.fillStyle = style.color || '#555';
    g.fillText(label.textContent ?? '', x, y);
  }
  g.textAlign = 'left';
}

function drawLegend(g: CanvasRenderingContext2D, options: MapImageOptions, mapHeight: number): void {
  const notes = options.notes ?? [];
  const classed = options.classes;
  const classRows = classed ? classed.classes.length + 1 : 0;
  if (options.ramps.length === 0 && notes.length === 0 && !classed) return;
  const width = 250;
  const rowHeight = 44;
  const height = 10 + options.ramps.length * rowHeight + notes.length * 16 + classRows * 16;
  const x = 8;
  const y = mapHeight - height - 8;
  g.fillStyle = 'rgba(255, 255, 255, 0.92)';
  g.strokeStyle = '#bbb';
  g.lineWidth = 1;
  g.fillRect(x, y, width, height);
  g.strokeRect(x + 0.5, y + 0.5, width - 1, height - 1);
  g.textBaseline = 'top';
  options.ramps.forEach((ramp, i) => {
    const top = y + 6 + i * rowHeight;
    g.fillStyle = '#222';
    g.font = `600 11px ${FONT}`;
    g.fillText(ramp.title, x + 8, top, width - 16);
    const gradient = g.createLinearGradient(x + 8, 0, x + width - 8, 0);
    COUNT_RAMP.forEach((c, j) => {
      gradient.addColorStop(j / (COUNT_RAMP.length - 1), cssColor(c));
    });
    g.fillStyle = gradient;
    g.fillRect(x + 8, top + 15, width - 16, 10);
    g.fillStyle = '#444';
    g.font = `10px ${FONT}`;
    g.fillText(ramp.min, x + 8, top + 28);
    g.textAlign = 'right';
    g.fillText(ramp.max, x + width - 8, top + 28);
    g.textAlign = 'left';
  });
  notes.forEach((note, i) => {
    g.fillStyle = '#444';
    g.font = `10px ${FONT}`;
    g.fillText(note, x + 8, y + 6 + options.ramps.length * rowHeight + i * 16, width - 16);
  });
  if (classed) {
    const top = y + 6 + options.ramps.length * rowHeight + notes.length * 16;
    g.fillStyle = '#222';
    g.font = `600 11px ${FONT}`;
    g.fillText(classed.title, x + 8, top, width - 16);
    classed.classes.forEach((c, i) => {
      const rowTop = top + 16 * (i + 1);
      g.fillStyle = c.color;
      g.fillRect(x + 8, rowTop + 1, 14, 10);
      g.strokeStyle = '#555';
      g.strokeRect(x + 8.5, rowTop + 1.5, 13, 9);
      g.fillStyle = '#444';
      g.font = `10px ${FONT}`;
      g.fillText(c.text, x + 28, rowTop + 1, width - 36);
    });
  }
}
