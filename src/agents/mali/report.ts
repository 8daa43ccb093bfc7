/**
 * What the batch report draws for the Mali model besides the charts every model gets: the names
 * of the seven security clusters, and the map of the cercles (docs/report.md).
 */
import { join } from 'node:path';
import type { ModelReport } from '../../sim/model-hooks.ts';
import { PACKAGE_ROOT } from '../../sim/package-root.ts';
import { CLUSTERS } from './ledger.ts';

/** The outlines of Mali's 50 pre-2016 cercles shipped with sahel-sim (geoBoundaries, CC BY 4.0: data/boundaries/README.md). */
export const MALI_BOUNDARIES = join(PACKAGE_ROOT, 'data/boundaries/mali-cercles.geojson');

export const maliReport: ModelReport = {
  clusterNames: CLUSTERS,
  map: {
    boundaries: MALI_BOUNDARIES,
    unit: 'cercle',
    metric: 'cercle_violent_deaths',
    title: 'Violent deaths',
    notes: [
      'The map draws the 50 cercles of 2012 (geoBoundaries ADM2), the units the model runs on. The regions created in 2016 are made of them: Ménaka is the former Ménaka cercle; Taoudénit, carved out of northern Tombouctou, is not separable with these outlines and stays in the cercles of Tombouctou region, as in the model. Bamako, a small district inside Kati cercle, shows as a dot-sized patch near the south-west.',
    ],
  },
};
