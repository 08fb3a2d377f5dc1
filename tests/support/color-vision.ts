/**
 * Colour-vision deficiency simulation and colour difference for palette tests.
 *
 * Simulation: Machado GM, Oliveira MM, Fernandes LAF (2009) A physiologically-based model for simulation
 * of color vision deficiency. IEEE TVCG 15(6):1291–1298, matrices for severity 1.0 (protanopia,
 * deuteranopia, tritanopia), applied to linear sRGB and clamped. Difference: CIE76 ΔE*ab in CIELAB (D65).
 */

type Rgb = readonly [number, number, number];

/** Vision types. */
export const VISIONS = ['normal', 'protan', 'deutan', 'tritan'] as const;

const MATRICES: Record<(typeof VISIONS)[number], number[][]> = {
  normal: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protan: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deutan: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritan: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

const toLinear = (c: number) => {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
};

function lab(linear: readonly number[]): [number, number, number] {
  const [r, g, b] = linear as [number, number, number];
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

function seen(c: Rgb, vision: (typeof VISIONS)[number]): number[] {
  const l = c.map(toLinear);
  return MATRICES[vision].map((row) =>
    Math.min(1, Math.max(0, row[0]! * l[0]! + row[1]! * l[1]! + row[2]! * l[2]!)),
  );
}

/** CIELAB lightness L* (0–100) of an sRGB colour as seen with the given vision. */
export function lightness(c: Rgb, vision: (typeof VISIONS)[number]): number {
  return lab(seen(c, vision))[0];
}

/** ΔE*ab between two sRGB colours as seen with the given vision. */
export function deltaE(a: Rgb, b: Rgb, vision: (typeof VISIONS)[number]): number {
  const p = lab(seen(a, vision));
  const q = lab(seen(b, vision));
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}
