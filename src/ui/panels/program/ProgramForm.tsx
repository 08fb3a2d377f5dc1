import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../analysis/messages/message';
import type { Dataset } from '../../../state/datasets';
import {
  CatchmentError,
  type CatchmentSpec,
  PROGRAM_MODEL_LABELS,
  PROGRAM_MODELS,
  type Program,
  type ProgramModel,
  validateProgram,
} from '../../../state/programs';
import type { UrlViewState } from '../../../state/url-state';
import { useMessage } from '../../i18n/use-message';
import { type CatchmentSource, formCatchment, slug } from './program-form-parse';

/** A problem the form lists: a check of the program, or why its catchment could not be built. */
type FormProblem = { check: Message } | { catchment: Message | string };

/**
 * The form that creates a program from the current selection, a drawn polygon or circles around sites,
 * or edits one (keeping its id, sources and published outcomes).
 */
export function ProgramForm({
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
  const { t } = useTranslation('programs');
  const render = useMessage();
  const [name, setName] = useState(initial?.name ?? '');
  const [model, setModel] = useState<ProgramModel>(initial?.model ?? 'cure-violence');
  const [city, setCity] = useState(initial?.city ?? dataset.label);
  const [launch, setLaunch] = useState(initial?.launch ?? '');
  const [source, setSource] = useState<CatchmentSource>(
    initial ? 'keep' : view.areas.polygon ? 'polygon' : 'areas',
  );
  const [points, setPoints] = useState('');
  const [radius, setRadius] = useState(400);
  const [bufferM, setBufferM] = useState(initial ? (initial.displacementBufferMetres ?? 0) : 400);
  const [comparison, setComparison] = useState(initial?.comparison?.ids?.join(', ') ?? '');
  const [notes, setNotes] = useState(initial?.notes ?? '');
  const [errors, setErrors] = useState<FormProblem[]>([]);
  const boundaries = dataset.boundaries;

  const save = () => {
    let catchment: CatchmentSpec;
    try {
      catchment = formCatchment(source, {
        kept: initial?.catchment ?? null,
        boundaries: boundaries
          ? { idProperty: boundaries.idProperty, layerName: boundaries.layer.name }
          : null,
        areaIds: view.areas.ids,
        polygon: view.areas.polygon,
        points,
        radius,
      });
    } catch (error) {
      setErrors([
        { catchment: error instanceof CatchmentError ? error.structured : (error as Error).message },
      ]);
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
    if (!checked.ok) setErrors(checked.problems.map((check) => ({ check })));
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
        {t('name')} <input value={name} onChange={(e) => setName(e.target.value)} required />
      </label>
      <label className="row">
        {t('modelLabel')}{' '}
        <select value={model} onChange={(e) => setModel(e.target.value as ProgramModel)}>
          {PROGRAM_MODELS.map((m) => (
            <option key={m} value={m}>
              {t(`model.${m}`, { defaultValue: PROGRAM_MODEL_LABELS[m] })}
            </option>
          ))}
        </select>
      </label>
      <label className="row">
        {t('city')} <input value={city} onChange={(e) => setCity(e.target.value)} />
      </label>
      <label className="row">
        {t('launch')}{' '}
        <input type="date" value={launch} onChange={(e) => setLaunch(e.target.value)} required />
      </label>
      <fieldset>
        <legend>{t('catchmentFrom')}</legend>
        <label>
          <input type="radio" checked={source === 'areas'} onChange={() => setSource('areas')} />{' '}
          {t('fromAreas', { n: view.areas.ids.length })}
        </label>
        <label>
          <input type="radio" checked={source === 'polygon'} onChange={() => setSource('polygon')} />{' '}
          {t('fromPolygon')}
          {view.areas.polygon ? '' : t('noPolygon')}
        </label>
        <label>
          <input type="radio" checked={source === 'points'} onChange={() => setSource('points')} />{' '}
          {t('fromPoints')}
        </label>
        {initial && (
          <label>
            <input type="radio" checked={source === 'keep'} onChange={() => setSource('keep')} />{' '}
            {t('keepCatchment')}
          </label>
        )}
      </fieldset>
      {source === 'points' && (
        <>
          <label className="row">
            {t('sites')}{' '}
            <input
              placeholder={t('sitesPlaceholder')}
              value={points}
              onChange={(e) => setPoints(e.target.value)}
            />
          </label>
          <label className="row">
            {t('radius')}{' '}
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
        {t('ring')}{' '}
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
        {t('comparisonIds')}{' '}
        <input
          placeholder={t('comparisonPlaceholder')}
          value={comparison}
          onChange={(e) => setComparison(e.target.value)}
        />
      </label>
      <label className="row">
        {t('notes')} <input value={notes} onChange={(e) => setNotes(e.target.value)} />
      </label>
      {errors.length > 0 && (
        <ul className="notice-inline small" data-testid="program-form-errors">
          {errors.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced as a whole on each save
            <li key={i}>
              {'check' in e
                ? render(e.check)
                : t('catchmentError', {
                    message: typeof e.catchment === 'string' ? e.catchment : render(e.catchment),
                  })}
            </li>
          ))}
        </ul>
      )}
      <button type="submit">{t('save')}</button>
    </form>
  );
}
