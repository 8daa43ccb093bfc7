// How geoBoundaries names Mali's pre-2016 regions, and what sahel-sim calls them (scenario keys;
// a region's column suffix is the lowercase), for the scripts that build the outlines.

/** geoBoundaries ADM1 shapeName → sahel-sim region. */
export const ADM1_REGION = {
  Kayes: 'Kayes',
  Koulikouro: 'Koulikoro', // geoBoundaries spelling
  Sikasso: 'Sikasso',
  Segou: 'Segou',
  Mopti: 'Mopti',
  Tombouctou: 'Tombouctou', // includes Taoudénit (created 2016; not separable here)
  Gao: 'Gao', // pre-2016 Gao, Ménaka included: the Ménaka cercle became the Ménaka region in 2016
  Kidal: 'Kidal',
  Bamako: 'Bamako',
};
