/** A labelled number input that keeps its value within its bounds. */

/**
 * A number input with its label. An entry outside [min, max] is brought to the nearer bound; an empty or
 * unreadable entry (or 0, as an empty field reads) becomes `fallback` (default `min`).
 */
export function NumberField({
  label,
  value,
  min,
  max,
  step,
  fallback = min,
  onChange,
  testId,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  fallback?: number;
  onChange(value: number): void;
  testId?: string;
}) {
  return (
    <label>
      {label}{' '}
      <input
        type="number"
        min={min}
        max={max}
        step={step}
        value={value}
        onChange={(e) => onChange(Math.max(min, Math.min(max, Number(e.target.value) || fallback)))}
        data-testid={testId}
      />
    </label>
  );
}
