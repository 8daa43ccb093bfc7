/**
 * Section 5, against the record: when the folder holds yearly.csv (written by `sahel-sim fit`),
 * each observed series by year with the simulated baseline's median and 90% band.
 */
import type { ReportData, Section } from '../section.ts';
import { observedSpec, type ObservedYear } from '../specs/observed.ts';

export function observedSection(data: ReportData): Section | null {
  if (!data.yearly) return null;
  const section = {
    id: 'observed',
    title: 'Simulated against observed',
    explanation: [
      'Each panel is one observed series (yearly.csv, written by sahel-sim fit from this batch’s baseline runs): the grey line is the simulated median by year and the band holds 90% of replicates; black diamonds are what was observed. An observation inside the band is one the model reproduces; years without a diamond have no observation. Panels have their own scales.',
    ],
  };
  const series = [...new Set(data.yearly.map((row) => row.series))];
  const finite = (value: number): number | null => (Number.isFinite(value) ? value : null);
  const years: ObservedYear[] = data.yearly
    .filter((row) => Number.isFinite(row.year))
    .map((row) => ({ series: row.series, year: row.year, median: finite(row.simMedian), p5: finite(row.simP5), p95: finite(row.simP95), observed: finite(row.observed) }));
  if (years.length === 0) return { ...section, figures: [], notes: ['Not shown: yearly.csv has no rows.'] };
  return {
    ...section,
    figures: [{ id: 'observed-years', title: 'Simulated (baseline) and observed, by year', caption: 'From yearly.csv.', spec: observedSpec({ years, series }) }],
    notes: [],
  };
}
