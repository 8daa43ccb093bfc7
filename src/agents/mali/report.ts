/**
 * What the batch report draws for the Mali model besides the charts every model gets: the names
 * of the seven security clusters, and the map of the regions (docs/report.md).
 */
import { join } from 'node:path';
import type { ModelReport } from '../../sim/model-hooks.ts';
import { PACKAGE_ROOT } from '../../sim/package-root.ts';
import { CLUSTERS } from './ledger.ts';

/** The outlines of Mali's regions shipped with sahel-sim (geoBoundaries, CC BY 4.0: data/boundaries/README.md). */
export const MALI_BOUNDARIES = join(PACKAGE_ROOT, 'data/boundaries/mali-regions.geojson');

export const maliReport: ModelReport = {
  clusterNames: CLUSTERS,
  map: {
    boundaries: MALI_BOUNDARIES,
    metric: 'violent_deaths',
    notes: [
      'Ménaka became a region in 2016 and the boundary file (geoBoundaries ADM1) still has the pre-2016 regions, with Ménaka inside Gao. The map therefore draws the former Ménaka cercle (geoBoundaries ADM2), which the new region took over, on top of Gao’s polygon with Ménaka’s value: what shows as Gao is Gao without Ménaka, as in the model. Taoudénit, also created in 2016, is part of Tombouctou in the model and on the map. Bamako, a small district inside Koulikoro, shows as a dot-sized patch near the south-west.',
    ],
  },
};
