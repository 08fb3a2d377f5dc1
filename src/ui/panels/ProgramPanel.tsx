/**
 * The program-evaluation workbench: choose a program (the URL's `program`), see its catchment's series
 * with the launch, the comparison and the ITS counterfactual, every estimate with its 95% CI and plain
 * reading, the guardrails beside them, and the published evidence with how its design differs from the
 * one on screen. Programs can be added from the current selection, exported and imported.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import foundingFile from '../../../data/programs/founding-programs.json';
import { formatCi, formatDecimal, formatPValue, formatRatio } from '../../analysis/privacy/count-format';
import { ProgramChart } from '../../charts/ProgramChart';
import { useAppStore } from '../../state/app-store';
import type { Dataset } from '../../state/datasets';
import {
  bufferFeatures,
  comparisonReading,
  type EstimateSummary,
  type EvaluationGeometry,
  type ProgramEvaluation,
  programGeometry,
  programSeries,
} from '../../state/program-evaluation';
import {
  type CatchmentSpec,
  catchmentCollection,
  catchmentFromBoundaryIds,
  catchmentFromPoints,
  catchmentFromPolygon,
  decodePrograms,
  designDifferences,
  encodePrograms,
  mergePrograms,
  PROGRAM_MODEL_LABELS,
  PROGRAM_MODELS,
  type Program,
  type ProgramModel,
  programsFromDemo,
  upsertPrograms,
  validateProgram,
} from '../../state/programs';
import type { UrlViewState } from '../../state/url-state';
import { viewFilter } from '../../state/view-filter';
import { useBriefProgram } from '../brief/brief-program';
import { useCatchmentOutlines } from '../catchment-outlines';
import { DEMO_ASSETS } from '../demo-assets';
import { type EvaluationProgress, evaluateInWorker } from '../program-evaluation-client';
import { useProgramStore } from '../program-store';
import { useCoordinated } from '../use-coordinated';
import '../program-panel.css';

const founding = (() => {
  const decoded = decodePrograms(JSON.stringify(foundingFile), 'the founding programs');
  return decoded.ok ? decoded.programs : [];
})();

let demoCache: Promise<Program[]> | null = null;
function demoPrograms(): Promise<Program[]> {
  demoCache ??= fetch(DEMO_ASSETS.programs)
    .then((r) => r.json())
    .then(programsFromDemo);
  return demoCache;
}

let runCounter = 0;

function estimateValue(e: EstimateSummary): string {
  if (e.scale === 'difference') return `${formatDecimal(e.estimate, 1)} events`;
  return formatRatio(e.estimate);
}

function estimateInterval(e: EstimateSummary): string {
  if (e.lower === null || e.upper === null) return 'no CI (placebo rank)';
  return formatCi(e.lower, e.upper, 0.95, e.scale === 'difference' ? 1 : 2);
}

export function ProgramPanel({
  dataset,
  view,
  onView,
}: {
  dataset: Dataset;
  view: UrlViewState;
  onView(patch: Partial<UrlViewState>): void;
}) {
  const engine = useAppStore((s) => s.engine);
  const notify = useAppStore((s) => s.notify);
  const user = useProgramStore((s) => s.user);
  const storeNotice = useProgramStore((s) => s.notice);
  const [demo, setDemo] = useState<Program[]>([]);
  const [by, setBy] = useState<'month' | 'quarter'>('month');
  const [progress, setProgress] = useState<EvaluationProgress | null>(null);
  const [form, setForm] = useState<'new' | 'edit' | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const running = useRef<AbortController | null>(null);

  useEffect(() => {
    if (!dataset.synthetic) return;
    demoPrograms().then(setDemo, (error) =>
      notify('error', `The demo programs could not be loaded: ${(error as Error).message}`),
    );
  }, [dataset.synthetic, notify]);
  useEffect(() => {
    if (storeNotice) {
      notify('error', storeNotice);
      useProgramStore.getState().clearNotice();
    }
  }, [storeNotice, notify]);

  const programs = useMemo(
    () => mergePrograms([...(dataset.synthetic ? demo : []), ...founding], user),
    [dataset.synthetic, demo, user],
  );
  const program = programs.find((p) => p.id === view.program) ?? null;
  const boundaries = dataset.boundaries;
  const geometry = useMemo<EvaluationGeometry | string | null>(() => {
    if (!program) return null;
    const others = programs.flatMap((p) =>
      p.id !== program.id && p.catchment.type === 'geometry'
        ? [{ type: 'Feature' as const, properties: {}, geometry: p.catchment.geometry }]
        : [],
    );
    return programGeometry(
      program,
      boundaries
        ? { features: boundaries.layer.features, idProperty: boundaries.idProperty, names: boundaries.names }
        : null,
      { donorsFromOtherAreas: true, avoid: others },
    );
  }, [program, programs, boundaries]);

  const setMapCatchments = useCatchmentOutlines((s) => s.setOutlines);
  useEffect(() => {
    if (!program || typeof geometry !== 'object' || geometry === null) {
      setMapCatchments(null, '');
      return;
    }
    const ring = bufferFeatures(geometry.catchment, geometry.bufferMetres);
    setMapCatchments(
      catchmentCollection([
        { programId: program.id, role: 'catchment', features: geometry.catchment },
        { programId: program.id, role: 'buffer', features: ring },
        ...geometry.comparison.map((c) => ({
          programId: program.id,
          role: 'comparison',
          features: c.features,
        })),
      ]),
      `${program.id}|${dataset.table}#${dataset.loadId}|${geometry.comparison.length}|${geometry.bufferMetres}`,
    );
  }, [program, geometry, dataset.table, dataset.loadId, setMapCatchments]);

  const filter = viewFilter(view, null, ['time', 'areas']);
  const ready = engine !== null && program !== null && typeof geometry === 'object' && geometry !== null;
  const depsKey = ready
    ? `${dataset.table}#${dataset.loadId}|${JSON.stringify(program)}|${by}|${view.unit}|${JSON.stringify(filter)}|${boundaries?.layer.name}`
    : null;
  const result = useCoordinated<ProgramEvaluation>('program-evaluation', depsKey, async () => {
    // Only the newest run may use the worker: abort the one before (its outcome is stale anyway).
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setProgress(null);
    const series = await programSeries(engine!, dataset.table, geometry as EvaluationGeometry, {
      by,
      unit: view.unit,
      filter,
      launch: program!.launch,
      unitTable: `program_eval_${dataset.key}_${++runCounter}`,
    });
    return evaluateInWorker(series, {}, setProgress, controller.signal);
  });
  const evaluation = depsKey ? result.value : null;
  useEffect(() => {
    useBriefProgram
      .getState()
      .set(
        program && evaluation
          ? { id: program.id, name: program.name, launch: program.launch, evaluation }
          : null,
      );
  }, [program, evaluation]);
  const state = !program
    ? 'none'
    : typeof geometry === 'string'
      ? 'unavailable'
      : result.pending
        ? 'pending'
        : result.error
          ? 'error'
          : evaluation
            ? 'ready'
            : 'pending';

  const exportPrograms = () => {
    const blob = new Blob([encodePrograms(user, new Date().toISOString())], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'cvi-atlas-programs.json';
    a.click();
    URL.revokeObjectURL(a.href);
  };
  const importPrograms = async (file: File) => {
    const decoded = decodePrograms(await file.text(), `"${file.name}"`);
    if (!decoded.ok) {
      notify(
        'error',
        `${decoded.errors.slice(0, 4).join('; ')}. Nothing was imported; your programs are unchanged.`,
      );
      return;
    }
    useProgramStore.getState().setUser(upsertPrograms(user, decoded.programs));
    notify(
      'info',
      `Imported ${decoded.programs.length} program${decoded.programs.length === 1 ? '' : 's'} from "${file.name}".`,
    );
  };

  return (
    <section
      className="panel program-panel"
      aria-label="Program evaluation"
      data-testid="program-panel"
      data-state={state}
    >
      <h2>Program evaluation</h2>
      <label className="row">
        Program{' '}
        <select
          value={view.program ?? ''}
          onChange={(e) => onView({ program: e.target.value || null })}
          data-testid="program-select"
        >
          <option value="">— choose —</option>
          {programs.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
              {p.synthetic ? ' (synthetic)' : ''}
            </option>
          ))}
        </select>
      </label>
      {view.program && !program && (
        <p className="notice-inline">The program "{view.program}" is not in this registry.</p>
      )}
      {program && <ProgramCard program={program} />}
      {program && typeof geometry === 'string' && (
        <p className="notice-inline" data-testid="program-unavailable">
          {program.catchment.type === 'none' ? 'No chart: ' : 'Cannot evaluate here: '}
          {geometry}
        </p>
      )}
      {ready && (
        <div className="row">
          <span className="muted small">Step</span>
          {(['month', 'quarter'] as const).map((b) => (
            <label key={b} className="small">
              <input type="radio" name="program-by" checked={by === b} onChange={() => setBy(b)} /> {b}
            </label>
          ))}
          <span className="muted small">· {view.unit}</span>
        </div>
      )}
      {state === 'pending' && (
        <p className="muted small" role="status">
          Computing{progress ? ` (${progress.done} of ${progress.total} estimators)` : ''}…
          {progress && (
            <button type="button" className="link" onClick={() => running.current?.abort()}>
              Cancel
            </button>
          )}
        </p>
      )}
      {state === 'error' && (
        <p className="notice-inline">
          {result.error === 'cancelled'
            ? 'Evaluation cancelled; change a setting or choose the program again to recompute.'
            : `The evaluation failed: ${result.error}`}
        </p>
      )}
      {evaluation && ready && (
        <EvaluationView
          evaluation={evaluation}
          program={program!}
          geometry={geometry as EvaluationGeometry}
        />
      )}
      {program && program.publishedOutcomes.length > 0 && (
        <EvidenceCard
          program={program}
          evaluation={evaluation}
          geometry={typeof geometry === 'object' ? geometry : null}
        />
      )}
      <div className="row program-actions">
        <button type="button" className="link" onClick={() => setForm((f) => (f === 'new' ? null : 'new'))}>
          {form === 'new' ? 'Close form' : 'New program…'}
        </button>
        {program && (
          <button
            type="button"
            className="link"
            onClick={() => setForm((f) => (f === 'edit' ? null : 'edit'))}
          >
            {form === 'edit' ? 'Close form' : 'Edit…'}
          </button>
        )}
        <button type="button" className="link" onClick={exportPrograms} disabled={user.length === 0}>
          Export
        </button>
        <button type="button" className="link" onClick={() => fileInput.current?.click()}>
          Import…
        </button>
        {program?.origin === 'user' && (
          <button
            type="button"
            className="link"
            onClick={() => {
              useProgramStore.getState().setUser(user.filter((p) => p.id !== program.id));
              onView({ program: null });
            }}
          >
            Delete
          </button>
        )}
        <input
          ref={fileInput}
          type="file"
          data-testid="program-import"
          accept=".json,application/json"
          hidden
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void importPrograms(f);
          }}
        />
      </div>
      {form && (
        <ProgramForm
          key={form === 'edit' ? `edit-${program?.id}` : 'new'}
          dataset={dataset}
          view={view}
          initial={form === 'edit' ? program : null}
          existingIds={programs.map((p) => p.id)}
          onSave={(p) => {
            useProgramStore.getState().setUser(upsertPrograms(user, [p]));
            setForm(null);
            onView({ program: p.id });
          }}
        />
      )}
    </section>
  );
}

function ProgramCard({ program }: { program: Program }) {
  const launchYear = program.launchPrecision === 'year';
  return (
    <div className="program-card" data-testid="program-card">
      <div>
        <strong>{program.name}</strong>
        {program.synthetic && <span className="badge small">synthetic</span>}
      </div>
      <div className="muted small">
        {PROGRAM_MODEL_LABELS[program.model]} · {program.city} · launched{' '}
        {launchYear
          ? `${program.launch.slice(0, 4)} (month not documented; ${program.launch} used)`
          : program.launch}
        {program.end ? ` · ended ${program.end}` : ''}
      </div>
      {program.notes && <p className="small">{program.notes}</p>}
    </div>
  );
}

function EvaluationView({
  evaluation,
  program,
  geometry,
}: {
  evaluation: ProgramEvaluation;
  program: Program;
  geometry: EvaluationGeometry;
}) {
  const s = evaluation.series;
  const catchment = s.units.find((u) => u.role === 'catchment')!;
  const comparisonUnits = s.units.filter((u) => u.role === 'comparison');
  const comparison =
    comparisonUnits.length > 0
      ? Float64Array.from(catchment.total, (_, i) => comparisonUnits.reduce((a, u) => a + u.total[i]!, 0))
      : null;
  const pp = evaluation.prePost?.ok ? evaluation.prePost.value : null;
  const failures = (
    [
      ['Pre/post', evaluation.prePost],
      ['WDD', evaluation.wdd],
      ['ITS', evaluation.its],
      ['DiD', evaluation.did],
      ['Synthetic control', evaluation.synth],
    ] as const
  ).filter(([, o]) => o && !o.ok);
  return (
    <div data-testid="program-evaluation">
      <ProgramChart
        periods={s.periods}
        total={catchment.total}
        fatal={catchment.fatal}
        nonfatal={Float64Array.from(catchment.total, (v, i) => v - catchment.fatal[i]!)}
        comparison={comparison}
        counterfactual={evaluation.its?.ok ? evaluation.its.value.counterfactual : null}
        launchIndex={s.launchIndex}
        windows={
          pp ? { pre: pp.preWindow, post: pp.postWindow, preMean: pp.preRate, postMean: pp.postRate } : null
        }
        unit={s.unit}
        by={s.by}
        launchLabel={s.periods[s.launchIndex]!}
        width={284}
        height={170}
      />
      <p className="muted small">
        Catchment: {geometry.catchmentLabel}. Comparison:{' '}
        {comparisonUnits.map((u) => u.label).join(', ') || 'none'}. Synthetic-control donors:{' '}
        {s.units.filter((u) => u.role === 'comparison' || u.role === 'donor').length}.
        {s.bufferMetres > 0 ? ` Displacement ring ${s.bufferMetres} m.` : ''}
      </p>
      <table className="estimates" data-testid="program-estimates">
        <tbody>
          {evaluation.estimates.map((e) => (
            <tr key={e.label} title={e.reading}>
              <th scope="row">{e.label}</th>
              <td>
                <strong>{estimateValue(e)}</strong>
                <div className="small">{estimateInterval(e)}</div>
                <div className="small muted">{e.pValue === null ? '' : formatPValue(e.pValue)}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="readings small">
        {evaluation.estimates
          .filter((e) => !e.label.startsWith('ITS slope'))
          .map((e) => (
            <li key={e.label}>{e.reading}</li>
          ))}
      </ul>
      {failures.map(([name, o]) => (
        <p key={name} className="small muted">
          {name} not computed: {o && !o.ok ? o.error : ''}
        </p>
      ))}
      {evaluation.did?.ok && evaluation.did.value.eventStudy && (
        <details className="small" data-testid="program-event-study">
          <summary>Event study: DiD by year since launch (reference: the year before)</summary>
          <table className="estimates">
            <tbody>
              {evaluation.did.value.eventStudy.years.map((y) => (
                <tr key={y.year}>
                  <th scope="row">{y.year < 0 ? `${-y.year} before` : `year ${y.year}`}</th>
                  <td>
                    {y.reference ? (
                      'reference'
                    ) : (
                      <>
                        {formatRatio(y.irr)}{' '}
                        <span className="muted">{formatCi(y.interval.lower, y.interval.upper)}</span>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      <h3 className="small">Guardrails</h3>
      <ul className="guardrails small" data-testid="program-guardrails">
        {evaluation.guardrails.map((g) => (
          <li key={g.id} className={`guardrail ${g.status}`}>
            <span className="mark">{g.status === 'warn' ? '⚠' : g.status === 'ok' ? '✓' : 'i'}</span> {g.text}
          </li>
        ))}
        {program.launchPrecision === 'year' && (
          <li className="guardrail warn">
            <span className="mark">⚠</span> Only the launch year is documented; the launch month is assumed.
          </li>
        )}
      </ul>
    </div>
  );
}

function EvidenceCard({
  program,
  evaluation,
  geometry,
}: {
  program: Program;
  evaluation: ProgramEvaluation | null;
  geometry: EvaluationGeometry | null;
}) {
  const sourceOf = (id: string) => program.sources.find((s) => s.id === id);
  const s = evaluation?.series;
  const comparisonCount = geometry?.comparison.length ?? 0;
  const screen = s
    ? {
        design: `pre/post, WDD, ITS, DiD vs ${comparisonCount} comparison unit${comparisonCount === 1 ? '' : 's'}${evaluation?.synth?.ok ? ' and a synthetic control' : ''}`,
        outcome: `all shooting ${s.unit} recorded in the loaded data (fatal and non-fatal)`,
        unit: geometry?.catchmentLabel ?? 'the catchment',
        window: `${s.by === 'month' ? 'monthly' : 'quarterly'}, ${s.periods[0]} to ${s.periods[s.periods.length - 1]}, launch ${s.periods[s.launchIndex]}`,
      }
    : null;
  const reading = evaluation && screen ? comparisonReading(evaluation, comparisonCount) : null;
  return (
    <div className="evidence" data-testid="program-evidence">
      <h3 className="small">Published evidence</h3>
      {reading && (
        <p className="small" data-testid="comparison-reading">
          {reading}
        </p>
      )}
      <ul className="small">
        {program.publishedOutcomes.map((o) => {
          const src = sourceOf(o.source);
          return (
            <li key={`${o.outcome}|${o.source}|${o.figure}`}>
              <strong>{o.figure}</strong> {o.outcome}
              {o.window ? ` (${o.window})` : ''} — <cite>{src?.citation ?? o.source}</cite>
              {screen && (
                <ul className="muted">
                  {designDifferences(o, screen).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
      {!screen && (
        <p className="small muted">
          These figures come from designs the app cannot reproduce here; they are not comparable with counts
          of incidents in an area.
        </p>
      )}
    </div>
  );
}

function slug(text: string): string {
  const base = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return base || 'program';
}

/** Parses "lon,lat; lon,lat" into points; throws RangeError naming the bad item. */
function parsePoints(text: string): [number, number][] {
  return text
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [a, b] = part.split(',').map((v) => Number(v.trim()));
      if (!(Number.isFinite(a) && Number.isFinite(b)))
        throw new RangeError(`"${part}" is not "longitude, latitude"`);
      return [a!, b!];
    });
}

function ProgramForm({
  dataset,
  view,
  initial,
  existingIds,
  onSave,
}: {
  dataset: Dataset;
  view: UrlViewState;
  /** The program being edited (its id, sources and published outcomes are kept), or null for a new one. */
  initial: Program | null;
  existingIds: readonly string[];
  onSave(program: Program): void;
}) {
  const [name, setName] = useState(initial?.name ?? '');
  const [model, setModel] = useState<ProgramModel>(initial?.model ?? 'cure-violence');
  const [city, setCity] = useState(initial?.city ?? dataset.label);
  const [launch, setLaunch] = useState(initial?.launch ?? '');
  const [source, setSource] = useState<'areas' | 'polygon' | 'points' | 'keep'>(
    initial ? 'keep' : view.areas.polygon ? 'polygon' : 'areas',
  );
  const [points, setPoints] = useState('');
  const [radius, setRadius] = useState(400);
  const [bufferM, setBufferM] = useState(initial ? (initial.displacementBufferMetres ?? 0) : 400);
  const [comparison, setComparison] = useState(initial?.comparison?.ids?.join(', ') ?? '');
  const [notes, setNotes] = useState(initial?.notes ?? '');
  const [errors, setErrors] = useState<string[]>([]);
  const boundaries = dataset.boundaries;

  const save = () => {
    let catchment: CatchmentSpec;
    try {
      if (source === 'keep' && initial) {
        catchment = initial.catchment;
      } else if (source === 'areas') {
        if (!boundaries) throw new RangeError('load a boundary file and select areas first');
        catchment = catchmentFromBoundaryIds(boundaries.idProperty, view.areas.ids, boundaries.layer.name);
      } else if (source === 'polygon') {
        if (!view.areas.polygon) throw new RangeError('draw an area on the map first');
        catchment = catchmentFromPolygon(view.areas.polygon);
      } else {
        catchment = catchmentFromPoints(parsePoints(points), radius);
      }
    } catch (error) {
      setErrors([`catchment: ${(error as Error).message}`]);
      return;
    }
    let id = initial?.id ?? slug(name);
    if (!initial) for (let k = 2; existingIds.includes(id); k++) id = `${slug(name).slice(0, 44)}-${k}`;
    const ids = comparison
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    const property = initial?.comparison?.property ?? boundaries?.idProperty;
    const candidate = {
      ...(initial ?? {}),
      id,
      name: name.trim(),
      model,
      city: city.trim(),
      launch,
      launchPrecision: initial && launch === initial.launch ? (initial.launchPrecision ?? 'day') : 'day',
      catchment,
      comparison: undefined,
      displacementBufferMetres: undefined,
      notes: undefined,
      ...(ids.length > 0 || initial?.comparison?.features
        ? {
            comparison: {
              ...(ids.length > 0 ? { ids } : {}),
              ...(property ? { property } : {}),
              ...(initial?.comparison?.features ? { features: initial.comparison.features } : {}),
            },
          }
        : {}),
      ...(bufferM > 0 ? { displacementBufferMetres: bufferM } : {}),
      ...(notes.trim() ? { notes: notes.trim() } : {}),
      sources: initial?.sources ?? [],
      publishedOutcomes: initial?.publishedOutcomes ?? [],
      origin: 'user',
    };
    const checked = validateProgram(JSON.parse(JSON.stringify(candidate)));
    if (!checked.ok) setErrors(checked.errors);
    else {
      setErrors([]);
      onSave(checked.program);
    }
  };

  return (
    <form
      className="program-form"
      data-testid="program-form"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <label className="row">
        Name <input value={name} onChange={(e) => setName(e.target.value)} required />
      </label>
      <label className="row">
        Model{' '}
        <select value={model} onChange={(e) => setModel(e.target.value as ProgramModel)}>
          {PROGRAM_MODELS.map((m) => (
            <option key={m} value={m}>
              {PROGRAM_MODEL_LABELS[m]}
            </option>
          ))}
        </select>
      </label>
      <label className="row">
        City <input value={city} onChange={(e) => setCity(e.target.value)} />
      </label>
      <label className="row">
        Launch <input type="date" value={launch} onChange={(e) => setLaunch(e.target.value)} required />
      </label>
      <fieldset>
        <legend>Catchment from</legend>
        <label>
          <input type="radio" checked={source === 'areas'} onChange={() => setSource('areas')} /> selected
          areas ({view.areas.ids.length})
        </label>
        <label>
          <input type="radio" checked={source === 'polygon'} onChange={() => setSource('polygon')} /> drawn
          polygon{view.areas.polygon ? '' : ' (none)'}
        </label>
        <label>
          <input type="radio" checked={source === 'points'} onChange={() => setSource('points')} /> circles
          around sites
        </label>
        {initial && (
          <label>
            <input type="radio" checked={source === 'keep'} onChange={() => setSource('keep')} /> keep the
            current catchment
          </label>
        )}
      </fieldset>
      {source === 'points' && (
        <>
          <label className="row">
            Sites{' '}
            <input
              placeholder="lon, lat; lon, lat"
              value={points}
              onChange={(e) => setPoints(e.target.value)}
            />
          </label>
          <label className="row">
            Radius{' '}
            <input
              type="number"
              min={50}
              max={20000}
              value={radius}
              onChange={(e) => setRadius(Number(e.target.value))}
            />{' '}
            m
          </label>
        </>
      )}
      <label className="row">
        Displacement ring{' '}
        <input
          type="number"
          min={0}
          max={20000}
          value={bufferM}
          onChange={(e) => setBufferM(Number(e.target.value))}
        />{' '}
        m
      </label>
      <label className="row">
        Comparison ids{' '}
        <input
          placeholder="e.g. N03, N07"
          value={comparison}
          onChange={(e) => setComparison(e.target.value)}
        />
      </label>
      <label className="row">
        Notes <input value={notes} onChange={(e) => setNotes(e.target.value)} />
      </label>
      {errors.length > 0 && (
        <ul className="notice-inline small" data-testid="program-form-errors">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      <button type="submit">Save program</button>
    </form>
  );
}
