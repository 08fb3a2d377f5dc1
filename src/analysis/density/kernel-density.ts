/**
 * Kernel density estimation (KDE) of incident locations on a regular grid.
 *
 * What it measures: a smooth surface of how many incidents happen per square kilometre per year around each
 * place, so that a few dense blocks stand out from isolated events. Each incident spreads one unit of
 * weight (or its own weight) over a disc of radius h, the bandwidth, using the quartic (biweight) kernel
 *   K(d) = 3 / (π h²) · (1 − d²/h²)²   for d < h, and 0 beyond,
 * which integrates to 1 over the plane. The density at a cell centre x is
 *   f(x) = 10⁶ · Σᵢ wᵢ · K(|x − pᵢ|) / years     (incidents per km² per year; K is per m²).
 * Summing f over all cells times the cell area in km² therefore gives back Σ wᵢ / years (up to the
 * discretisation of the kernel and the mass that falls outside the grid).
 *
 * How to read it: a value of 40 means "at this rate, 40 incidents per km² per year around here". The
 * bandwidth is in metres on the ground (never screen pixels), so a map is comparable across zooms. Larger
 * h gives smoother, broader hot areas; a common choice for street-level gun violence is 200–500 m. Keep
 * one colour domain across time slices ({@link densityColorDomain}) so brushing does not rescale the map.
 *
 * Projection: a local equirectangular projection around the grid centre (λ₀, φ₀):
 *   x = R · cos φ₀ · (λ − λ₀),  y = R · (φ − φ₀)   (radians, R = 6,371,008.8 m, the mean Earth radius).
 * The grid is square in these metres. East–west distances are exact at φ₀ and off by the factor
 * cos φ / cos φ₀ elsewhere: for a city-sized grid (±0.3° of latitude at 40.7° N) that is within ±0.5%, far
 * below the uncertainty in the choice of bandwidth. Do not use it for grids spanning many degrees.
 *
 * Grid: cells of `cellSizeM` metres, the top-left cell touching the bbox's west and north edges; the grid
 * may extend slightly beyond the east and south edges to whole cells (the returned `bbox` is the grid's
 * real extent). Values are row-major with row 0 at the north (image order).
 *
 * Cost: each point visits only the cells within h of it, O(n · (h / cellSize)²).
 *
 * Options: `bandwidthM` (required, metres, ≥ cellSizeM), `cellSizeM` (required, metres > 0), `bbox`
 * (required, [west, south, east, north] degrees), `years` (required, > 0: the length of the period the
 * points cover), `weights` (optional, default 1 per point), `maxCells` (default 4,000,000),
 * `precision` ('float32', default, for textures; or 'float64').
 *
 * References: Silverman, B. W. (1986). Density Estimation for Statistics and Data Analysis (quartic kernel,
 * eq. 4.5). Chainey, S. & Ratcliffe, J. (2005). GIS and Crime Mapping, ch. 6 (crime hotspot KDE, cell size
 * and bandwidth choice).
 */

/** Mean Earth radius in metres (IUGG). */
export const EARTH_RADIUS_M = 6_371_008.8;

/** Options for {@link kernelDensity}. */
export interface KernelDensityOptions {
  /** Kernel radius h in metres; must be at least `cellSizeM`. */
  bandwidthM: number;
  /** Grid cell edge in metres. */
  cellSizeM: number;
  /** Area to cover: [west, south, east, north] in degrees. */
  bbox: readonly [number, number, number, number];
  /** Length in years of the period the points cover (density is per year). */
  years: number;
  /** Optional non-negative weight per point (e.g. victims per incident); default 1 each. */
  weights?: Float64Array;
  /** Refuse grids with more cells than this (default 4,000,000). */
  maxCells?: number;
  /** 'float32' (default) or 'float64' output values. */
  precision?: 'float32' | 'float64';
}

/** A density surface on a regular grid. */
export interface KernelDensityGrid<V extends Float32Array | Float64Array = Float32Array> {
  /** Columns. */
  width: number;
  /** Rows. */
  height: number;
  /** Real extent of the grid [west, south, east, north] in degrees. */
  bbox: [number, number, number, number];
  /** Cell edge in metres (in the local projection). */
  cellSizeM: number;
  /** Incidents per km² per year at each cell centre, row-major, row 0 at the north. */
  values: V;
  /** Largest value on the grid. */
  max: number;
  /** Points counted (finite coordinates). */
  pointsUsed: number;
  /** Points skipped because a coordinate was not finite. */
  pointsSkipped: number;
}

const DEG = Math.PI / 180;

/**
 * Quartic-kernel density of points on a grid, in incidents per km² per year. See the module header for the
 * formula, projection and grid layout. Throws RangeError/TypeError for invalid options.
 */
export function kernelDensity(
  lon: Float64Array,
  lat: Float64Array,
  options: KernelDensityOptions & { precision?: 'float32' },
): KernelDensityGrid<Float32Array>;
export function kernelDensity(
  lon: Float64Array,
  lat: Float64Array,
  options: KernelDensityOptions & { precision: 'float64' },
): KernelDensityGrid<Float64Array>;
export function kernelDensity(
  lon: Float64Array,
  lat: Float64Array,
  options: KernelDensityOptions,
): KernelDensityGrid<Float32Array> | KernelDensityGrid<Float64Array>;
export function kernelDensity(
  lon: Float64Array,
  lat: Float64Array,
  options: KernelDensityOptions,
): KernelDensityGrid<Float32Array> | KernelDensityGrid<Float64Array> {
  const { bandwidthM: h, cellSizeM: cs, years, weights } = options;
  const maxCells = options.maxCells ?? 4_000_000;
  if (!(lon instanceof Float64Array) || !(lat instanceof Float64Array)) {
    throw new TypeError('lon and lat must be Float64Array');
  }
  if (lon.length !== lat.length) {
    throw new RangeError(`lon and lat differ in length (${lon.length} vs ${lat.length})`);
  }
  if (weights !== undefined && weights.length !== lon.length) {
    throw new RangeError(`weights has ${weights.length} entries for ${lon.length} points`);
  }
  if (!(Number.isFinite(cs) && cs > 0))
    throw new RangeError(`cellSizeM must be a positive number, got ${cs}`);
  if (!(Number.isFinite(h) && h > 0)) throw new RangeError(`bandwidthM must be a positive number, got ${h}`);
  if (h < cs) {
    throw new RangeError(
      `bandwidthM (${h}) must be at least cellSizeM (${cs}); a kernel smaller than a cell is undersampled`,
    );
  }
  if (!(Number.isFinite(years) && years > 0))
    throw new RangeError(`years must be a positive number, got ${years}`);
  const [west, south, east, north] = options.bbox;
  if (
    ![west, south, east, north].every(Number.isFinite) ||
    !(west < east && south < north && west >= -180 && east <= 180 && south >= -90 && north <= 90)
  ) {
    throw new RangeError(
      `bbox must be [west, south, east, north] in degrees with west < east, south < north`,
    );
  }

  const lon0 = (west + east) / 2;
  const lat0 = (south + north) / 2;
  const kx = EARTH_RADIUS_M * Math.cos(lat0 * DEG) * DEG;
  const ky = EARTH_RADIUS_M * DEG;
  const x0 = (west - lon0) * kx;
  const y0 = (north - lat0) * ky;
  const width = Math.max(1, Math.ceil(((east - west) * kx) / cs - 1e-9));
  const height = Math.max(1, Math.ceil(((north - south) * ky) / cs - 1e-9));
  if (width * height > maxCells) {
    throw new RangeError(
      `grid of ${width}×${height} cells exceeds maxCells ${maxCells}; use a larger cellSizeM`,
    );
  }

  const sums = new Float64Array(width * height);
  const h2 = h * h;
  const scale = (3 / (Math.PI * h2)) * 1e6;
  let used = 0;
  let skipped = 0;
  for (let i = 0; i < lon.length; i++) {
    const lo = lon[i] as number;
    const la = lat[i] as number;
    if (!Number.isFinite(lo) || !Number.isFinite(la)) {
      skipped++;
      continue;
    }
    const w = weights === undefined ? 1 : (weights[i] as number);
    if (!(Number.isFinite(w) && w >= 0))
      throw new RangeError(`weight ${i} must be a non-negative number, got ${w}`);
    used++;
    if (w === 0) continue;
    const px = (lo - lon0) * kx;
    const py = (la - lat0) * ky;
    // cell c has centre x0 + (c + 0.5)·cs; only cells whose centre is within h can be non-zero
    const cMin = Math.max(0, Math.ceil((px - h - x0) / cs - 0.5));
    const cMax = Math.min(width - 1, Math.floor((px + h - x0) / cs - 0.5));
    const rMin = Math.max(0, Math.ceil((y0 - py - h) / cs - 0.5));
    const rMax = Math.min(height - 1, Math.floor((y0 - py + h) / cs - 0.5));
    for (let r = rMin; r <= rMax; r++) {
      const dy = y0 - (r + 0.5) * cs - py;
      const dy2 = dy * dy;
      const row = r * width;
      for (let c = cMin; c <= cMax; c++) {
        const dx = x0 + (c + 0.5) * cs - px;
        const d2 = dx * dx + dy2;
        if (d2 < h2) {
          const u = 1 - d2 / h2;
          sums[row + c] = (sums[row + c] as number) + w * u * u;
        }
      }
    }
  }

  const factor = scale / years;
  let max = 0;
  const values = options.precision === 'float64' ? sums : new Float32Array(sums.length);
  for (let k = 0; k < sums.length; k++) {
    const v = (sums[k] as number) * factor;
    values[k] = v;
    if (v > max) max = v;
  }
  if (values instanceof Float32Array) max = Math.fround(max);
  const grid = {
    width,
    height,
    bbox: [west, north - (height * cs) / ky, west + (width * cs) / kx, north] as [
      number,
      number,
      number,
      number,
    ],
    cellSizeM: cs,
    max,
    pointsUsed: used,
    pointsSkipped: skipped,
  };
  return values instanceof Float32Array ? { ...grid, values } : { ...grid, values };
}

/**
 * A fixed colour domain [0, upper] for a density surface: `upper` is the `quantile` (default 0.99) of the
 * cells with a positive value (R's default type-7 quantile). Compute it once, on the full period, and keep
 * it while the user brushes time, so colours mean the same density in every slice. Positive cells only,
 * because most cells of a city grid are empty and would pull any quantile to 0. Returns [0, 0] when no cell
 * is positive.
 */
export function densityColorDomain(values: ArrayLike<number>, quantile = 0.99): [number, number] {
  if (!(Number.isFinite(quantile) && quantile > 0 && quantile <= 1)) {
    throw new RangeError(`quantile must be in (0, 1], got ${quantile}`);
  }
  let n = 0;
  for (let i = 0; i < values.length; i++) if ((values[i] as number) > 0) n++;
  if (n === 0) return [0, 0];
  const positive = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v > 0) positive[k++] = v;
  }
  positive.sort();
  const position = (n - 1) * quantile;
  const lower = Math.floor(position);
  const upper = Math.min(n - 1, lower + 1);
  const a = positive[lower] as number;
  const b = positive[upper] as number;
  return [0, a + (position - lower) * (b - a)];
}
