// The bundled area datasets, by the names the API's `importAreas(dataset)` and the CLI take.
import { readVietnam2025Areas } from './vietnam-2025.ts';
import { type AreaRow, readCountryAreas, readDemoAreas } from './vietnam-areas.ts';

export type AreaDataset = { description: string; read: () => AreaRow[] };

export const AREA_DATASETS = {
  DEMO: {
    description:
      'Nghệ An (40) and Đắk Nông (67) in the units of 2021: 2 provinces, 29 districts, 531 communes.',
    read: readDemoAreas,
  },
  COUNTRY: {
    description: 'All of Vietnam in the units of 2021: 63 provinces, 705 districts and 10,603 communes.',
    read: readCountryAreas,
  },
  VIETNAM_2025: {
    description:
      'All of Vietnam in the units of 1 July 2025: 34 provinces and 3,321 communes, no district level, codes `VN2025-<GSO code>`; 2019 population carried through the crosswalk (data/vietnam/README.md).',
    read: () => readVietnam2025Areas(),
  },
} as const satisfies Record<string, AreaDataset>;

export type AreaDatasetName = keyof typeof AREA_DATASETS;
