/**
 * Coverage of existing programs: the share of incidents, of fatal incidents and of victims that lie inside
 * the catchment of at least one program, and the share within a walking distance of one, overall, per
 * neighborhood and per year.
 *
 * **What it measures.** An incident is *inside* when its point lies in a catchment polygon, and *near* when
 * it lies inside or within the walking distance (straight-line metres from the catchment's edge; a route on
 * streets is longer). Each share is (inside or near) / all, counted three ways: incidents, fatal incidents
 * (an incident with at least one victim who died) and victims (rows). Per-neighborhood rows count the
 * incidents located in that neighborhood; incidents outside every neighborhood appear only in the overall
 * and per-year rows.
 *
 * **How to read it.** "41 % of incidents, 44 % of fatal incidents and 42 % of victims were inside a
 * catchment" says how much of the problem existing programs are placed to reach; a low fatal share next to
 * a high incident share says the deadliest shootings happen elsewhere. It says nothing about whether the
 * programs work (see program evaluation).
 *
 * Inputs are the per-incident flags computed by the caller (point in polygon and distance to catchments);
 * this module only counts, so it can be checked against any independent point-in-polygon count.
 */

/** Per-incident inputs of {@link coverageShares}. */
export interface CoverageInput {
  /** 1 when inside a catchment. */
  inside: Uint8Array;
  /** 1 when inside or within the walking distance of a catchment. */
  near: Uint8Array;
  /** 1 when fatal. */
  fatal: Uint8Array;
  /** Victims of the incident (≥ 1). */
  victims: Int32Array;
  /** Calendar year of the incident. */
  year: Int32Array;
  /** Neighborhood position of the incident, or −1. */
  group: Int32Array;
}

/** Totals and covered counts in one unit. */
export interface CoverageCount {
  total: number;
  inside: number;
  near: number;
  /** inside / total (NaN when total is 0). */
  insideShare: number;
  /** near / total (NaN when total is 0). */
  nearShare: number;
}

/** One row of the coverage table. */
export interface CoverageRow {
  label: string;
  incidents: CoverageCount;
  fatal: CoverageCount;
  victims: CoverageCount;
}

/** Result of {@link coverageShares}. */
export interface CoverageShares {
  overall: CoverageRow;
  byGroup: CoverageRow[];
  byYear: CoverageRow[];
}

class Tally {
  readonly t = new Float64Array(9);
  add(inside: boolean, near: boolean, fatal: boolean, victims: number): void {
    const t = this.t;
    t[0]!++;
    if (inside) t[1]!++;
    if (near) t[2]!++;
    if (fatal) {
      t[3]!++;
      if (inside) t[4]!++;
      if (near) t[5]!++;
    }
    t[6]! += victims;
    if (inside) t[7]! += victims;
    if (near) t[8]! += victims;
  }
  row(label: string): CoverageRow {
    const c = (k: number): CoverageCount => {
      const total = this.t[k]!;
      return {
        total,
        inside: this.t[k + 1]!,
        near: this.t[k + 2]!,
        insideShare: total > 0 ? this.t[k + 1]! / total : Number.NaN,
        nearShare: total > 0 ? this.t[k + 2]! / total : Number.NaN,
      };
    };
    return { label, incidents: c(0), fatal: c(3), victims: c(6) };
  }
}

/**
 * Coverage shares overall, per neighborhood (in `groupLabels` order) and per year (ascending).
 *
 * @throws {RangeError} when the columns differ in length, a victim count is below 1, a point is near
 *   without being counted as near while inside, or a group position is out of range.
 */
export function coverageShares(input: CoverageInput, groupLabels: readonly string[]): CoverageShares {
  const n = input.inside.length;
  for (const [name, col] of Object.entries(input))
    if ((col as ArrayLike<number>).length !== n)
      throw new RangeError(
        `coverageShares: column ${name} has ${(col as ArrayLike<number>).length} entries, not ${n}`,
      );
  const overall = new Tally();
  const groups = groupLabels.map(() => new Tally());
  const years = new Map<number, Tally>();
  for (let i = 0; i < n; i++) {
    const inside = input.inside[i] === 1;
    const near = input.near[i] === 1;
    if (inside && !near) throw new RangeError(`coverageShares: incident ${i} is inside but not near`);
    const v = input.victims[i]!;
    if (!(v >= 1)) throw new RangeError(`coverageShares: incident ${i} has ${v} victims`);
    const fatal = input.fatal[i] === 1;
    overall.add(inside, near, fatal, v);
    const g = input.group[i]!;
    if (g >= groupLabels.length)
      throw new RangeError(`coverageShares: group ${g} of incident ${i} is out of range`);
    if (g >= 0) groups[g]!.add(inside, near, fatal, v);
    const y = input.year[i]!;
    let t = years.get(y);
    if (!t) {
      t = new Tally();
      years.set(y, t);
    }
    t.add(inside, near, fatal, v);
  }
  return {
    overall: overall.row('all'),
    byGroup: groups.map((t, g) => t.row(groupLabels[g]!)),
    byYear: [...years.entries()].sort((a, b) => a[0] - b[0]).map(([y, t]) => t.row(String(y))),
  };
}
