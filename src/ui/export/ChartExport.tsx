/** A chart with "SVG" and "PNG" buttons that save the chart drawn inside it, with its title. */
import { type ReactNode, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { chartPng, chartSvgMarkup } from './chart-image';
import { canvasToPng, downloadBlob, fileSlug } from './download';

export function ChartExport({ name, title, children }: { name: string; title: string; children: ReactNode }) {
  const { t } = useTranslation('export');
  const ref = useRef<HTMLDivElement>(null);
  const svg = () => ref.current?.querySelector<SVGSVGElement>('figure svg') ?? null;
  const file = fileSlug('cvi-atlas', name);
  const saveSvg = () => {
    const element = svg();
    if (element)
      downloadBlob(new Blob([chartSvgMarkup(element, title)], { type: 'image/svg+xml' }), `${file}.svg`);
  };
  const savePng = async () => {
    const element = svg();
    if (element) downloadBlob(await canvasToPng(await chartPng(element, title)), `${file}.png`);
  };
  return (
    <div className="chart-export" ref={ref}>
      {children}
      <div className="export-buttons">
        <button
          type="button"
          className="link"
          onClick={saveSvg}
          aria-label={t('chartSvg', { title })}
          data-testid={`export-${name}-svg`}
        >
          SVG
        </button>
        <button
          type="button"
          className="link"
          onClick={savePng}
          aria-label={t('chartPng', { title })}
          data-testid={`export-${name}-png`}
        >
          PNG
        </button>
      </div>
    </div>
  );
}
