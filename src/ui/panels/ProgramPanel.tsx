/**
 * The program-evaluation workbench: choose a program (the URL's `program`), see its catchment's series
 * with the launch, the comparison and the ITS counterfactual, every estimate with its 95% CI and plain
 * reading, the guardrails beside them, and the published evidence with how its design differs from the
 * one on screen. Programs can be added from the current selection, exported and imported. The cards live
 * in `./program/`.
 */
import i18next from 'i18next';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../analysis/messages/message';
import { useAppStore } from '../../state/app-store';
import type { Dataset } from '../../state/datasets';
import {
  bufferFeatures,
  type EvaluationGeometry,
  type ProgramEvaluation,
  programPlaces,
  programSeries,
} from '../../state/program-evaluation';
import { catchmentCollection, mergePrograms, type Program, upsertPrograms } from '../../state/programs';
import type { UrlViewState } from '../../state/url-state';
import { viewFilter } from '../../state/view-filter';
import { useBriefProgram } from '../brief/brief-program';
import { useCatchmentOutlines } from '../catchment-outlines';
import { messageText, useMessage } from '../i18n/use-message';
import { type EvaluationProgress, evaluateInWorker } from '../program-evaluation-client';
import { useProgramStore } from '../program-store';
import { useCoordinated } from '../use-coordinated';
import { EvaluationView } from './program/EvaluationView';
import { EvidenceCard } from './program/EvidenceCard';
import { ProgramActions } from './program/ProgramActions';
import { ProgramCard } from './program/ProgramCard';
import { ProgramForm } from './program/ProgramForm';
import { unavailableReason } from './program/program-display';
import { demoPrograms, FOUNDING_PROGRAMS } from './program/program-sources';
import '../program-panel.css';

let runCounter = 0;

export function ProgramPanel({
  dataset,
  view,
  onView,
}: {
  dataset: Dataset;
  view: UrlViewState;
  onView(patch: Partial<UrlViewState>): void;
}) {
  const { t, i18n } = useTranslation('program');
  const render = useMessage();
  const engine = useAppStore((s) => s.engine);
  const notify = useAppStore((s) => s.notify);
  const user = useProgramStore((s) => s.user);
  const storeNotice = useProgramStore((s) => s.notice);
  const [demo, setDemo] = useState<Program[]>([]);
  const [by, setBy] = useState<'month' | 'quarter'>('month');
  const [progress, setProgress] = useState<EvaluationProgress | null>(null);
  const [form, setForm] = useState<'new' | 'edit' | null>(null);
  const running = useRef<AbortController | null>(null);

  useEffect(() => {
    if (!dataset.synthetic) return;
    demoPrograms().then(setDemo, (error) =>
      notify('error', i18next.t('programs:demoFailed', { message: (error as Error).message })),
    );
  }, [dataset.synthetic, notify]);
  useEffect(() => {
    if (storeNotice) {
      notify('error', messageText(storeNotice));
      useProgramStore.getState().clearNotice();
    }
  }, [storeNotice, notify]);

  const programs = useMemo(
    () => mergePrograms([...(dataset.synthetic ? demo : []), ...FOUNDING_PROGRAMS], user),
    [dataset.synthetic, demo, user],
  );
  const program = programs.find((p) => p.id === view.program) ?? null;
  const boundaries = dataset.boundaries;
  const geometry = useMemo<EvaluationGeometry | Message | null>(() => {
    if (!program) return null;
    const others = programs.flatMap((p) =>
      p.id !== program.id && p.catchment.type === 'geometry'
        ? [{ type: 'Feature' as const, properties: {}, geometry: p.catchment.geometry }]
        : [],
    );
    return programPlaces(
      program,
      boundaries
        ? { features: boundaries.layer.features, idProperty: boundaries.idProperty, names: boundaries.names }
        : null,
      { donorsFromOtherAreas: true, avoid: others },
    );
  }, [program, programs, boundaries]);

  // The places to count in, or why the program cannot be evaluated here.
  const placed = geometry !== null && 'catchment' in geometry ? geometry : null;
  const reason = geometry !== null && !('catchment' in geometry) ? geometry : null;

  const setMapCatchments = useCatchmentOutlines((s) => s.setOutlines);
  useEffect(() => {
    if (!program || !placed) {
      setMapCatchments(null, '');
      return;
    }
    const ring = bufferFeatures(placed.catchment, placed.bufferMetres);
    setMapCatchments(
      catchmentCollection([
        { programId: program.id, role: 'catchment', features: placed.catchment },
        { programId: program.id, role: 'buffer', features: ring },
        ...placed.comparison.map((c) => ({
          programId: program.id,
          role: 'comparison',
          features: c.features,
        })),
      ]),
      `${program.id}|${dataset.table}#${dataset.loadId}|${placed.comparison.length}|${placed.bufferMetres}`,
    );
  }, [program, placed, dataset.table, dataset.loadId, setMapCatchments]);

  const filter = viewFilter(view, null, ['time', 'areas']);
  const ready = engine !== null && program !== null && placed !== null;
  const depsKey = ready
    ? `${dataset.table}#${dataset.loadId}|${JSON.stringify(program)}|${by}|${view.unit}|${JSON.stringify(filter)}|${boundaries?.layer.name}`
    : null;
  const result = useCoordinated<ProgramEvaluation>('program-evaluation', depsKey, async () => {
    // Only the newest run may use the worker: abort the one before (its outcome is stale anyway).
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setProgress(null);
    const series = await programSeries(engine!, dataset.table, placed!, {
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
    : reason
      ? 'unavailable'
      : result.pending
        ? 'pending'
        : result.error
          ? 'error'
          : evaluation
            ? 'ready'
            : 'pending';

  return (
    <section
      className="panel program-panel"
      aria-label={t('panelTitle')}
      data-testid="program-panel"
      data-state={state}
    >
      <h2>{t('panelTitle')}</h2>
      <label className="row">
        {t('program')}{' '}
        <select
          value={view.program ?? ''}
          onChange={(e) => onView({ program: e.target.value || null })}
          data-testid="program-select"
        >
          <option value="">{t('choose')}</option>
          {programs.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
              {p.synthetic ? ` ${t('syntheticMark')}` : ''}
            </option>
          ))}
        </select>
      </label>
      {view.program && !program && (
        <p className="notice-inline">{t('notInRegistry', { id: view.program })}</p>
      )}
      {program && <ProgramCard program={program} />}
      {program && reason && (
        <p className="notice-inline" data-testid="program-unavailable">
          {program.catchment.type === 'none' ? t('noChart') : t('cannotEvaluate')}{' '}
          {render(unavailableReason(program, reason, i18n.language))}
        </p>
      )}
      {ready && (
        <div className="row">
          <span className="muted small">{t('step')}</span>
          {(['month', 'quarter'] as const).map((b) => (
            <label key={b} className="small">
              <input type="radio" name="program-by" checked={by === b} onChange={() => setBy(b)} />{' '}
              {t(`per.${b}`)}
            </label>
          ))}
          <span className="muted small">· {t(`common:${view.unit}`)}</span>
        </div>
      )}
      {state === 'pending' && (
        <p className="muted small" role="status">
          {progress ? t('computingProgress', { done: progress.done, total: progress.total }) : t('computing')}
          {progress && (
            <button type="button" className="link" onClick={() => running.current?.abort()}>
              {t('common:cancel')}
            </button>
          )}
        </p>
      )}
      {state === 'error' && (
        <p className="notice-inline">
          {result.error === 'cancelled'
            ? t('cancelled')
            : t('failed', { error: result.errorMessage ? render(result.errorMessage) : result.error })}
        </p>
      )}
      {evaluation && ready && <EvaluationView evaluation={evaluation} program={program!} />}
      {program && program.publishedOutcomes.length > 0 && (
        <EvidenceCard program={program} evaluation={evaluation} geometry={placed} />
      )}
      <ProgramActions
        program={program}
        form={form}
        onForm={setForm}
        onDeleted={() => onView({ program: null })}
      />
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
