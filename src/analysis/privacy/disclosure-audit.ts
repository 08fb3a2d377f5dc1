/**
 * Disclosure audit of published tables by linear programming: what a reader can work out about each hidden
 * cell from everything that is published.
 *
 * The published tables are written as one linear system: every cell (inner cells and margins alike) is a
 * number, and every margin gives an equation Σ coefᵢ·cellᵢ = 0 (cells minus their total). Shown cells are
 * constants; hidden cells are unknowns ≥ 0. For each hidden cell whose true value lies in 1..k−1, two
 * linear programmes give the smallest and the largest value consistent with all of it. The cell is
 * **pinned** when that whole range lies inside 1..k−1, i.e. min > 0 and max < k: then the arithmetic of the
 * published numbers alone proves the count is small and non-zero. A protected cell has min = 0 or max ≥ k.
 *
 * This is the attacker model of the protection-interval audits of statistical agencies (e.g. the
 * "audit" step of τ-ARGUS), in its continuous form: the LP range contains the integer range, so a cell the LP
 * calls protected is protected for an integer-aware reader too. The solver is passed in (HiGHS in
 * WebAssembly in the tests: `import highsLoader from 'highs'`), so this module stays free of any runtime.
 *
 * References: Willenborg, L. & de Waal, T. (2001), Elements of Statistical Disclosure Control, ch. 6;
 * Hundepool, A. et al. (2012), Statistical Disclosure Control, §5.3 (auditing suppression patterns).
 */

/** The published tables as one linear system. */
export interface LinearRelease {
  /** True value of every cell. */
  values: number[];
  /** Whether each cell is hidden. */
  hidden: boolean[];
  /** Human-readable name of each cell (for reports). */
  labels: string[];
  /** Each equation: Σ coefs[n] · values[cells[n]] = 0. */
  equations: { cells: number[]; coefs: number[] }[];
}

/** Builds a {@link LinearRelease} cell by cell. */
export class ReleaseBuilder {
  readonly release: LinearRelease = { values: [], hidden: [], labels: [], equations: [] };

  /** Adds a cell and returns its index. */
  cell(value: number, hidden: boolean, label: string): number {
    this.release.values.push(value);
    this.release.hidden.push(hidden);
    this.release.labels.push(label);
    return this.release.values.length - 1;
  }

  /** Adds the equation Σ parts = total. */
  sum(parts: readonly number[], total: number): void {
    this.release.equations.push({ cells: [...parts, total], coefs: [...parts.map(() => 1), -1] });
  }
}

/** The minimal solver interface (the legacy one-shot API of the `highs` package fits it). */
export interface LpSolver {
  solve(problem: string): { Status: string; ObjectiveValue: number };
}

/** The range a reader can derive for one hidden small cell. */
export interface AuditedCell {
  index: number;
  label: string;
  value: number;
  min: number;
  max: number;
  pinned: boolean;
}

/** Result of {@link auditRelease}. */
export interface DisclosureAudit {
  /** Every hidden cell whose true value is in 1..k−1. */
  cells: AuditedCell[];
  /** Those whose derivable range lies inside 1..k−1. */
  pinned: AuditedCell[];
  /** Equations that the shown values alone violate (a sign that the tables are inconsistent). */
  inconsistent: number;
}

const TOLERANCE = 1e-6;

/**
 * Audits a release: for each hidden cell with a value in 1..k−1, its min and max over everything published
 * (see the module header).
 * @throws Error when the solver fails on a model (not for unbounded or infeasible outcomes)
 */
export function auditRelease(release: LinearRelease, k: number, solver: LpSolver): DisclosureAudit {
  const { values, hidden, equations } = release;
  const name = (i: number) => `x${i}`;
  const rows: string[] = [];
  let inconsistent = 0;
  for (const eq of equations) {
    let constant = 0;
    const terms: string[] = [];
    eq.cells.forEach((c, n) => {
      const coef = eq.coefs[n]!;
      if (hidden[c]) terms.push(`${coef < 0 ? '-' : '+'} ${Math.abs(coef)} ${name(c)}`);
      else constant += coef * values[c]!;
    });
    if (terms.length === 0) {
      if (Math.abs(constant) > TOLERANCE) inconsistent++;
      continue;
    }
    rows.push(` c${rows.length}: ${terms.join(' ')} = ${-constant}`);
  }
  const constraints = rows.length > 0 ? `Subject To\n${rows.join('\n')}\n` : '';
  const solve = (sense: 'Minimize' | 'Maximize', cell: number): number => {
    const result = solver.solve(`${sense}\n obj: ${name(cell)}\n${constraints}End\n`);
    if (result.Status === 'Optimal') return result.ObjectiveValue;
    // The true values are feasible, so "infeasible or unbounded" can only mean unbounded here.
    if (sense === 'Maximize' && /unbounded/i.test(result.Status)) return Number.POSITIVE_INFINITY;
    throw new Error(
      `LP audit: ${sense.toLowerCase()} of ${release.labels[cell]} returned "${result.Status}"`,
    );
  };
  const cells: AuditedCell[] = [];
  values.forEach((v, i) => {
    if (!hidden[i] || !(v >= 1 && v < k)) return;
    const min = solve('Minimize', i);
    const max = solve('Maximize', i);
    cells.push({
      index: i,
      label: release.labels[i]!,
      value: v,
      min,
      max,
      pinned: min > TOLERANCE && max < k - TOLERANCE,
    });
  });
  return { cells, pinned: cells.filter((c) => c.pinned), inconsistent };
}
