/**
 * A chart (an inline SVG on the page) as a standalone SVG file or a PNG: the styles the page's stylesheet
 * gives each element are copied onto it, a white background and a title line are added, and the PNG is the
 * same SVG drawn on a canvas at twice the size.
 */

const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
] as const;

const SVG_NS = 'http://www.w3.org/2000/svg';
const TITLE_HEIGHT = 22;

/** Standalone SVG markup of `svg` with its computed styles inlined and `title` written above it. */
export function chartSvgMarkup(svg: SVGSVGElement, title: string): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const source = [svg, ...svg.querySelectorAll('*')];
  const target = [copy, ...copy.querySelectorAll('*')];
  source.forEach((element, i) => {
    const node = target[i] as SVGElement | undefined;
    if (!node) return;
    const style = getComputedStyle(element);
    const inline = STYLE_PROPERTIES.map((p) => `${p}:${style.getPropertyValue(p)}`).join(';');
    node.setAttribute('style', inline);
    node.removeAttribute('class');
  });
  const width = Number(svg.getAttribute('width')) || svg.getBoundingClientRect().width;
  const height = Number(svg.getAttribute('height')) || svg.getBoundingClientRect().height;
  const root = document.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height + TITLE_HEIGHT));
  root.setAttribute('viewBox', `0 0 ${width} ${height + TITLE_HEIGHT}`);
  root.setAttribute('role', 'img');
  const titleElement = document.createElementNS(SVG_NS, 'title');
  titleElement.textContent = title;
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  const heading = document.createElementNS(SVG_NS, 'text');
  heading.setAttribute('x', '4');
  heading.setAttribute('y', '15');
  heading.setAttribute('style', 'font-family:system-ui,sans-serif;font-size:12px;font-weight:600;fill:#222');
  heading.textContent = title;
  const body = document.createElementNS(SVG_NS, 'g');
  body.setAttribute('transform', `translate(0 ${TITLE_HEIGHT})`);
  copy.removeAttribute('width');
  copy.removeAttribute('height');
  copy.removeAttribute('role');
  copy.removeAttribute('aria-label');
  copy.removeAttribute('data-testid');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  body.append(copy);
  root.append(titleElement, background, heading, body);
  return new XMLSerializer().serializeToString(root);
}

/** The chart as a PNG canvas at `scale` × its size (default 2). */
export async function chartPng(svg: SVGSVGElement, title: string, scale = 2): Promise<HTMLCanvasElement> {
  const markup = chartSvgMarkup(svg, title);
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(image.width * scale);
    canvas.height = Math.round(image.height * scale);
    const g = canvas.getContext('2d');
    if (!g) throw new Error('this browser cannot draw images');
    g.drawImage(image, 0, 0, canvas.width, canvas.height);
    return canvas;
  } finally {
    URL.revokeObjectURL(url);
  }
}
