import type { CommuneType } from '../demand/area-tree.ts';

/** Every commune type, as readers check them. */
export const COMMUNE_TYPES: readonly CommuneType[] = ['ward', 'township', 'commune', 'special-zone'];
