/**
 * The arms of an experiment as the report shows them: one strategy at one sweep point, in the
 * order of the manifest (sweep points, then strategies, baseline first), each labelled by its
 * strategy — and its sweep values when the experiment has several points.
 */
import type { BatchManifest } from './manifest.ts';

export interface Arm {
  readonly strategy: string;
  /** Index of the sweep point in the manifest. */
  readonly point: number;
  /** Label of the arm in charts: the strategy, with the sweep point's values if there are several. */
  readonly label: string;
  /** Run ids of the arm's runs, in replicate order. */
  readonly runIds: readonly number[];
}

/**
 * Label of a sweep point: its parameters and values.
 * @example pointLabel({ 'cops.density': 0.05 }) → 'cops.density = 0.05'
 */
export function pointLabel(point: Readonly<Record<string, unknown>>): string {
  return Object.entries(point)
    .map(([path, value]) => `${path} = ${String(value)}`)
    .join(', ');
}

export function armsOf(manifest: BatchManifest): Arm[] {
  const strategies = manifest.experiment.strategies.map((strategy) => strategy.name);
  const several = manifest.points.length > 1;
  return manifest.points.flatMap((point, p) =>
    strategies.map((strategy) => ({
      strategy,
      point: p,
      label: several ? `${strategy} · ${pointLabel(point)}` : strategy,
      runIds: manifest.runs
        .filter((run) => run.point === p && run.strategy === strategy)
        .sort((a, b) => a.replicate - b.replicate)
        .map((run) => run.runId),
    })),
  );
}
