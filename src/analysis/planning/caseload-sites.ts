/**
 * Sites sized by caseload: instead of a fixed number of sites, a number of outreach teams, each able to
 * take on a caseload of incidents per year; every site gets as many teams as its incidents need.
 *
 * **Method.** Sites are taken in greedy order ({@link maxCoverageGreedy}, run with K = teams). Site r needs
 * ⌈n_r / (years · caseload)⌉ teams (at least 1), where n_r is the number of incidents it newly covers and
 * `years` the length of the window in years, so n_r / years is its yearly load. Sites are kept in order while
 * the teams they need fit in the budget; the first site that does not fit ends the list (a later, smaller
 * site is not slipped in ahead of it, so the order of priority is kept).
 *
 * **How to read it.** "3 sites with 2, 1 and 1 teams" means the first site's yearly incidents exceed one
 * team's caseload. A caseload is a planning assumption, not a measured quantity: try a few.
 */
import type { MaxCoverageResult } from './max-coverage-greedy';

/** Options of {@link caseloadSites}. */
export interface CaseloadOptions {
  /** Incidents one team can take on per year, > 0. */
  caseload: number;
  /** Teams available, integer ≥ 1. */
  teams: number;
  /** Length of the demand window in years, > 0. */
  years: number;
}

/** One sized site. */
export interface SizedSite {
  /** Position in the greedy picks. */
  pick: number;
  /** Incidents per year the site newly covers. */
  perYear: number;
  /** Teams it needs. */
  teams: number;
}

/** Result of {@link caseloadSites}. */
export interface CaseloadResult {
  sites: SizedSite[];
  teamsUsed: number;
  /** Teams left over (the next site needed more). */
  teamsLeft: number;
}

/** Sizes the greedy picks by caseload within a team budget. */
export function caseloadSites(greedy: MaxCoverageResult, options: CaseloadOptions): CaseloadResult {
  const { caseload, teams, years } = options;
  if (!(caseload > 0 && Number.isFinite(caseload)))
    throw new RangeError(`caseload must be > 0 (got ${caseload})`);
  if (!Number.isInteger(teams) || teams < 1)
    throw new RangeError(`teams must be an integer ≥ 1 (got ${teams})`);
  if (!(years > 0 && Number.isFinite(years))) throw new RangeError(`years must be > 0 (got ${years})`);
  const sites: SizedSite[] = [];
  let used = 0;
  for (let r = 0; r < greedy.picks.length; r++) {
    const perYear = greedy.newlyCovered[r]! / years;
    const need = Math.max(1, Math.ceil(perYear / caseload - 1e-9));
    if (used + need > teams) break;
    used += need;
    sites.push({ pick: r, perYear, teams: need });
  }
  return { sites, teamsUsed: used, teamsLeft: teams - used };
}
