/**
 * The data card of the demo city (`data/demo/README.md`), written from the truth record so that every
 * parameter and measured figure in it is exactly what the generator used and produced.
 */

import type { DemoCity } from './generate-demo-city';

const fmt = (x: number, decimals: number) => x.toFixed(decimals);
const pct = (x: number, decimals = 1) => `${(100 * x).toFixed(decimals)}%`;
const int = (x: number) => String(x).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

function table(header: string[], rows: (string | number)[][]): string {
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const r of rows) lines.push(`| ${r.join(' | ')} |`);
  return lines.join('\n');
}

/** Renders the Markdown data card for a generated demo city. */
export function demoCityReadme(city: DemoCity): string {
  const t = city.truth;
  const m = t.measured;
  const o = t.options;
  const incidentsOfNeighborhood = new Map(m.neighborhoodIncidents.map((x) => [x.id, x.incidents]));
  const years = m.byYear.map((y) => y.year);
  const victimsMean = t.victims.victimsPerIncident.reduce((s, v) => s + v.victims * v.probability, 0);
  const multiProbability = t.victims.victimsPerIncident
    .filter((v) => v.victims >= 2)
    .reduce((s, v) => s + v.probability, 0);
  const hourTotal = t.temporal.hourWeights.reduce((s, w) => s + w, 0);
  const hourShare = (hours: number[]) =>
    hours.reduce((s, h) => s + t.temporal.hourWeights[h]!, 0) / hourTotal;

  const out: string[] = [];
  out.push(`# ${t.city.name}: data card`);
  out.push('');
  out.push(
    '**SYNTHETIC DATA.** Every incident, victim, neighborhood, population figure and program in this folder is ' +
      'invented by a seeded simulation. No real place, person, event or program is described. The city is ' +
      `placed at about ${fmt(t.city.centre[1], 2)}° N, ${fmt(-t.city.centre[0], 2)}° W only so that web-map ` +
      'projections and metre-based tools work; nothing about that location is modelled.',
  );
  out.push('');
  out.push(
    'The data is the app’s offline demo and the ground truth for its statistics: the process, its exact ' +
      'parameters and the figures measured on the output are listed below and, machine-readable, in `truth.json`.',
  );
  out.push('');
  out.push('## Files');
  out.push('');
  out.push(
    table(
      ['file', 'content'],
      [
        [
          '`incidents.csv`',
          `one row per victim (${int(m.victims)} rows, ${int(m.incidents)} incidents): ` +
            '`incident_id,victim_id,occurred_at,latitude,longitude,fatal,victim_age_group,victim_sex,neighborhood`',
        ],
        [
          '`neighborhoods.geojson`',
          `${city.neighborhoods.features.length} polygons with \`id\`, \`name\`, \`population\``,
        ],
        ['`city.geojson`', 'the city limit: one polygon, the outline of the neighborhoods'],
        [
          '`programs.json`',
          'three programs with launch dates, catchments, comparison areas and planted effects',
        ],
        ['`truth.json`', 'every parameter, per-program counterfactual series and the measured figures'],
        [
          '`truth-incidents.csv`',
          'per incident: `generation` (0 = background, k = k-th retaliation), `parent_incident_id`, ' +
            '`background_source` (neighborhood or hotspot of the family’s first incident)',
        ],
      ],
    ),
  );
  out.push('');
  out.push(
    'Columns of `incidents.csv`: `occurred_at` is local wall-clock time `YYYY-MM-DD HH:MM:SS` (no offsets); ' +
      'latitude/longitude have 5 decimals (WGS 84); `fatal` is `true`/`false`; `victim_age_group` is one of ' +
      '`<18`, `18-24`, `25-44`, `45-64`, `65+` or empty (unknown); `victim_sex` is `M`, `F` or empty; ' +
      '`neighborhood` is the neighborhood id. All victims of an incident share its time and place. Rows are ' +
      'sorted by `occurred_at`, then `incident_id`, then `victim_id`.',
  );
  out.push('');
  out.push('## Regenerate');
  out.push('');
  out.push(
    `Seed **${t.seed}**. Run \`${t.regenerate}\` (or \`TZ=UTC npx tsx scripts/generate-demo.ts\`) from the ` +
      'repository root; the output is byte-for-byte identical (no clock, no unseeded randomness), and a unit ' +
      'test checks the committed files against a fresh run. The generator is the pure function ' +
      '`generateDemoCity(options)` in `scripts/demo-city/generate-demo-city.ts`; options: ' +
      `\`seed\` (${t.seed}), \`retaliation\` (${o.retaliation}; \`false\` gives exactly the background ` +
      `incidents of the same seed), \`programEffects\` (${o.programEffects}; \`false\` gives the no-program ` +
      `counterfactual city), \`startYear\` (${o.startYear}), \`years\` (${o.years}), \`scale\` (${o.scale}, ` +
      'multiplies every background rate).',
  );
  out.push('');
  out.push('## Geography');
  out.push('');
  out.push(
    `A ${fmt(t.city.widthMetres / 1000, 0)} km × ${fmt(t.city.heightMetres / 1000, 0)} km frame centred on ` +
      `(${t.city.centre[0]}, ${t.city.centre[1]}), using a local equirectangular projection: ` +
      `${fmt(t.city.frame.metresPerDegreeLat, 3)} m per degree of latitude and ` +
      `${fmt(t.city.frame.metresPerDegreeLon, 3)} m per degree of longitude; frame metres (x east, y north) are ` +
      `measured from the south-west origin (${t.city.frame.originLon}, ${t.city.frame.originLat}). ` +
      'The neighborhoods are a 5 × 5 grid whose vertices are jittered (interior ±15% of a cell, outline ±150 m) ' +
      'and whose edges carry a shared midpoint jittered ±120 m across the edge; neighbors share edges exactly, ' +
      `vertices have 6 decimals. City area ${fmt(t.city.areaKm2, 1)} km². Ids run N01..N25 from the north-west ` +
      'corner, west to east, then southwards. Incident points are never within 2e-6° (~0.2 m) of a neighborhood ' +
      'or catchment edge, so each lies in exactly one neighborhood and clearly inside or outside each catchment.',
  );
  out.push('');
  const nm = t.neighborhoodModel;
  out.push(
    `Background rate of a neighborhood (incidents/year before the citywide factors) = ${int(nm.totalBackgroundPerYear)} ` +
      `× w / Σw, with w = population / 30,000 × risk; risk = (${nm.riskFloor} + Σ_k a_k exp(−d_k² / ` +
      `(2 · ${nm.riskCoreSigmaMetres}²))) × exp(${nm.riskNoiseSd} Z), d_k the distance from the neighborhood’s ` +
      `bounding-box centre to risk core k at frame (x, y, a) = ${nm.riskCores
        .map((c) => `(${c.x}, ${c.y}, ${c.weight})`)
        .join(' and ')} (metres, weight), Z standard normal. Populations are uniform in ` +
      `${int(nm.populationRange[0])}..${int(nm.populationRange[1])}, rounded to 10.`,
  );
  out.push('');
  out.push(
    table(
      ['id', 'name', 'population', 'area km²', 'risk', 'background/yr', 'incidents (all years)'],
      t.neighborhoods.map((n) => [
        n.id,
        n.name,
        int(n.population),
        fmt(n.areaKm2, 2),
        fmt(n.riskMultiplier, 2),
        fmt(n.backgroundRatePerYear, 1),
        int(incidentsOfNeighborhood.get(n.id) ?? 0),
      ]),
    ),
  );
  out.push('');
  out.push('## Process');
  out.push('');
  out.push(
    `Study period ${t.city.studyStart} .. ${t.city.studyEnd}, after a ${t.city.burnInDays}-day burn-in whose ` +
      'incidents are not written but can trigger retaliation inside the period. Each background component ' +
      '(every neighborhood and every hotspot) is a Poisson process with expected count per day',
  );
  out.push('');
  out.push('    μ_c(d) = scale · R_c(d) / 365.25 · Y(year) · S(day of year) · W(weekday)');
  out.push('');
  out.push(
    `- Y, the citywide year factor: ${t.temporal.yearFactors
      .map((f, i) => `${o.startYear + i} ${fmt(f, 2)}`)
      .join(', ')} (burn-in days use the first year's factor).`,
  );
  out.push(
    `- S = 1 + ${t.temporal.seasonalAmplitude} · cos(2π (doy − ${t.temporal.seasonalPeakDayOfYear}) / 365.25), ` +
      'doy = day of year counted from 0 (peak mid-July; the June–August vs December–February ratio is about 1.5).',
  );
  out.push(
    `- W (mean 1): ${t.temporal.weekdayFactors.map((w) => `${w.day} ${fmt(w.factor, 2)}`).join(', ')} ` +
      '(calendar day of the incident).',
  );
  out.push(
    `- Clock hour: weights for 00..23 = ${t.temporal.hourWeights.join(', ')}; the second within the hour is ` +
      `uniform. Expected background share 22:00–01:59 = ${pct(hourShare([22, 23, 0, 1]))}, ` +
      `06:00–09:59 = ${pct(hourShare([6, 7, 8, 9]))}.`,
  );
  out.push(
    '- Neighborhood incidents are uniform inside the polygon; hotspot incidents are at an isotropic Gaussian ' +
      'offset (σ = radius / 2 per axis) from the centre, redrawn beyond the radius.',
  );
  out.push(
    `- Victims per incident: ${t.victims.victimsPerIncident
      .map((v) => `${v.victims}: ${fmt(v.probability, 3)}`)
      .join(', ')} (mean ${fmt(victimsMean, 3)}, 2+ victims ${pct(multiProbability)}). Each victim ` +
      `independently: fatal with probability ${t.victims.fatalProbability}; age group ${t.victims.ageGroups
        .map((a) => `${a.group === '' ? 'unknown' : a.group} ${a.probability}`)
        .join(
          ', ',
        )}; sex ${t.victims.sexes.map((s) => `${s.sex === '' ? 'unknown' : s.sex} ${s.probability}`).join(', ')}.`,
  );
  out.push('');
  out.push('### Hotspots');
  out.push('');
  out.push(
    'Hotspot incidents come on top of the neighborhood background. R_c(d) is piecewise linear between the ' +
      'knots (constant before the first and after the last). Expected counts include Y, S and W, not ' +
      'retaliation or programs.',
  );
  out.push('');
  out.push(
    table(
      [
        'id',
        'kind',
        'centre (lon, lat)',
        'frame x, y (m)',
        'radius m',
        'rate knots (per year)',
        'expected per year',
      ],
      t.hotspots.map((h) => [
        h.id,
        h.kind,
        `${h.centre[0]}, ${h.centre[1]}`,
        `${h.centreMetres[0]}, ${h.centreMetres[1]}`,
        h.radiusMetres,
        h.profile.map((k) => `${k.date}: ${k.ratePerYear}`).join('; '),
        h.expectedBackgroundByYear.map((v) => fmt(v, 0)).join(', '),
      ]),
    ),
  );
  out.push('');
  out.push('### Retaliation (self-exciting process)');
  out.push('');
  const r = t.retaliation;
  out.push(
    `${r.enabled ? 'On.' : 'Off.'} Every incident (background or offspring, including the burn-in) has ` +
      `Poisson(${r.branchingRatio}) offspring (branching ratio ${r.branchingRatio}). An offspring lies at a ` +
      `Gaussian offset with σ = ${r.offsetSigmaMetres} m per axis from its parent ` +
      `(${pct(r.shareWithin400m)} within 400 m) and happens ${r.delayMinDays} + ⌊E⌋ days later, ` +
      `E ~ Exponential(mean ${r.delayExponentialMeanDays} days) (mean delay ${fmt(r.meanDelayDays, 2)} days, ` +
      `${pct(r.shareWithin14Days)} within 14 days), at a clock time from the hour profile. Offspring outside ` +
      'the city or after the study period are discarded. Victims and fatality are drawn as for background ' +
      'incidents. `truth-incidents.csv` names each offspring’s parent.',
  );
  out.push('');
  out.push('### Programs and planted effects');
  out.push('');
  out.push(
    'From its launch, every incident (background or retaliation) that falls inside a program’s catchment is ' +
      'kept with probability equal to the effect multiplier, so the multiplier scales the conditional ' +
      'intensity inside the catchment. A removed incident triggers no retaliation, so the realised drop in ' +
      'incident counts is a little larger than the multiplier: the “observed / counterfactual” column compares ' +
      'the catchment with the exact no-program world of the same seed (`programEffects: false`). Comparison ' +
      'areas: the three neighborhoods with the closest mean monthly incidents over the 24 months before the ' +
      `launch month, among those farther than the displacement buffer from every catchment and not touching ` +
      'the emerging or fading hotspot.',
  );
  out.push('');
  out.push(
    table(
      [
        'id',
        'name',
        'model',
        'launch',
        'hotspot',
        'catchment km²',
        'planted effect',
        'pre-launch incidents/month',
        'comparison',
        'kept / at-risk after launch',
        'observed / counterfactual after launch',
      ],
      t.programs.map((p) => {
        const program = city.programs.find((x) => x.id === p.id)!;
        const launchMonth = p.launch.slice(0, 7);
        const post = p.monthly.filter((x) => x.month >= launchMonth);
        const obs = post.reduce((s, x) => s + x.observed, 0);
        const cf = post.reduce((s, x) => s + x.counterfactual, 0);
        return [
          p.id,
          program.name,
          program.model,
          p.launch,
          p.hotspot,
          fmt(p.catchmentAreaKm2, 2),
          program.plantedEffect.summary,
          fmt(p.preLaunchMonthlyMean, 1),
          p.comparison.join(', '),
          p.direct
            .map(
              (d) =>
                `${d.kept}/${d.candidates} = ${fmt(d.kept / Math.max(d.candidates, 1), 3)} (×${fmt(d.factor, 2)})`,
            )
            .join('; '),
          `${obs}/${cf} = ${fmt(obs / Math.max(cf, 1), 3)}`,
        ];
      }),
    ),
  );
  out.push('');
  out.push(
    'Effect periods (multiplier from `from`, inclusive, to `to`, exclusive): ' +
      t.programs
        .map(
          (p) =>
            `${p.id}: ${p.periods.map((q) => `${q.from}..${q.to ?? 'end'} ×${fmt(q.factor, 2)}`).join(', ')}`,
        )
        .join('; ') +
      '. Catchments are 12-vertex polygons around the hotspot centre, vertex k at angle 30°·k and distance ' +
      '0.85–1.15 (uniform) × the nominal radius (' +
      t.programs.map((p) => `${p.id} ${p.catchmentRadiusMetres} m`).join(', ') +
      `); displacement buffer ${city.programs[0]?.displacementBufferMetres ?? 0} m.`,
  );
  out.push('');
  out.push('## Measured on the generated data');
  out.push('');
  out.push(
    `${int(m.incidents)} incidents, ${int(m.victims)} victims (${fmt(m.victims / m.incidents, 3)} per incident), ` +
      `${int(m.fatalVictims)} fatal victims (${pct(m.fatalShare)}). Incidents with 2+ victims: ` +
      `${pct(m.multiVictimIncidentShare)}. June–August / December–February incidents: ` +
      `${fmt(m.summerWinterRatio, 3)}. Share of incidents 22:00–01:59: ${pct(m.nightShare)}; 06:00–09:59: ` +
      `${pct(m.morningShare)}; on Saturday or Sunday: ${pct(m.weekendShare)}. Retaliation incidents: ` +
      `${int(m.retaliationIncidents)} (${pct(m.retaliationShare)}), of which ${pct(m.retaliationWithin400mShare)} ` +
      `within 400 m and ${pct(m.retaliationWithin14DaysShare)} within 14 days of their parent.`,
  );
  out.push('');
  out.push(
    table(
      ['year', 'incidents', 'victims', 'fatal victims'],
      m.byYear.map((y) => [y.year, int(y.incidents), int(y.victims), int(y.fatalVictims)]),
    ),
  );
  out.push('');
  out.push(
    'Incidents within each hotspot’s radius of its centre, by year (background, retaliation and neighborhood ' +
      'incidents that fall there; program effects included):',
  );
  out.push('');
  out.push(
    table(
      ['hotspot', ...years.map(String)],
      m.hotspotIncidentsByYear.map((h) => [h.id, ...h.counts.map((c) => int(c))]),
    ),
  );
  out.push('');
  out.push('## Using the truth in tests');
  out.push('');
  out.push(
    '- Hotspots: the persistent hotspots are dense in every year (see the table above; H1 and H3 dip under ' +
      'programs A and C); E1 is quiet until the sixth year and then grows, F1 weakens steadily from the fourth year ' +
      '(its rate falls from 160 to 50 a year between 2018 and 2025) but stays dense to the end. In an emerging hot spot analysis by ' +
      'year, the Gi* z-scores of cells at E1 rise and those at F1 fall (Mann-Kendall). Under the ArcGIS ' +
      'pattern rules E1, hot in its last four or so years, is a consecutive rather than a new hot spot, and ' +
      'F1, hot in every slice with a falling trend, is a diminishing hot spot (cells at its edge, no longer ' +
      'hot in the last slice, are historical).',
  );
  out.push(
    '- Near repeat: with retaliation on, pairs within 400 m and 14 days exceed their expectation under date ' +
      'permutation; the off switch (same seed) removes that excess apart from the slow space-time ' +
      'interaction of the emerging and fading hotspots. Parent–child pairs are listed in `truth-incidents.csv`.',
  );
  out.push(
    '- Program evaluation: `truth.json` → `programs[].monthly` gives, per month, the incidents observed in each ' +
      'catchment and in the exact no-program counterfactual; their ratio after launch is the realised effect ' +
      'an estimator should recover (within its confidence interval). `programs[].direct` checks the planted ' +
      'multiplier itself.',
  );
  out.push('');
  out.push('## Not modelled');
  out.push('');
  out.push(
    'No displacement or diffusion of benefits around catchments; no change of population over time; no ' +
      'firearm vs non-firearm split; no reporting delay, geocoding error or coordinate snapping; neighborhood ' +
      'background is uniform inside each polygon; victims’ attributes are independent of place and time. ' +
      'Counts are not tuned to resemble any real city.',
  );
  out.push('');
  return `${out.join('\n')}\n`;
}
