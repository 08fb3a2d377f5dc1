import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProgramChart, type ProgramChartProps } from '../../../charts/ProgramChart';

type ChartData = Omit<ProgramChartProps, 'width' | 'height' | 'fontSize'>;

/** Width of an element's content box, kept current by a ResizeObserver (the fallback until measured). */
function useContentWidth(fallback: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = Math.floor(el.clientWidth);
      if (w > 0) setWidth(w);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

/**
 * The program chart at the panel's full width (about 0.6 as tall as wide), with a button that opens it
 * across the window in a dialog with larger labels.
 */
export function ProgramChartCard(data: ChartData) {
  const { t } = useTranslation('programs');
  const [ref, width] = useContentWidth(284);
  const dialog = useRef<HTMLDialogElement>(null);
  const [wide, setWide] = useState<{ width: number; height: number } | null>(null);
  const open = () => {
    const w = Math.max(320, Math.min(window.innerWidth - 96, 1400));
    const h = Math.max(240, Math.min(window.innerHeight - 220, Math.round(w * 0.45), 560));
    setWide({ width: w, height: h });
    dialog.current?.showModal();
  };
  return (
    <div ref={ref} className="program-chart-card">
      <ProgramChart {...data} width={width} height={Math.round(Math.min(260, Math.max(190, width * 0.62)))} />
      <button type="button" className="link small" onClick={open} data-testid="program-chart-expand">
        {t('fullWidth')}
      </button>
      <dialog
        ref={dialog}
        className="program-chart-dialog"
        data-testid="program-chart-dialog"
        aria-label={t('chartDialog')}
        onClose={() => setWide(null)}
      >
        {wide && <ProgramChart {...data} width={wide.width} height={wide.height} fontSize={12} />}
        <form method="dialog">
          <button type="submit">{t('common:close')}</button>
        </form>
      </dialog>
    </div>
  );
}
