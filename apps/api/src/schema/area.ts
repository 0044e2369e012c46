import { type CommuneType, PlanningInputError } from '@muster/planning';
import { signedIn } from '../auth/signed-in.ts';
import { builder, checkCursorKeys, checkedPageSize, pageSize } from '../builder.ts';
import { AREA_DATASETS } from '../data/area-datasets.ts';
import { importAreas } from '../data/import-areas.ts';
import { prisma } from '../db.ts';
import { NotFoundError } from '../errors.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import {
  type ImportAreaSheetResult,
  importAreaSheet,
  type LeafPlacement,
} from '../imports/import-area-sheet.ts';
import { countedConnection } from './connection.ts';
import { FileNoteRef, fileErrors } from './spreadsheet-import.ts';

/** An area's level as stored: the values of {@link AreaLevelEnum}. */
export type AreaLevel = 'country' | 'province' | 'district' | 'commune' | 'village';

/** The levels an area may have, as stored (`Area.level`) and as the planning library labels them. */
export const AreaLevelEnum = builder.enumType('AreaLevel', {
  description:
    'The kind of administrative unit an area is. The tree has no fixed depth: the units of 2021 are province → district → commune, those of 2025 province → commune.',
  values: {
    COUNTRY: { value: 'country', description: 'A whole country (above its provinces).' },
    PROVINCE: { value: 'province', description: 'A province or centrally governed city (tỉnh, thành phố).' },
    DISTRICT: {
      value: 'district',
      description: 'A district, town or provincial city (huyện, quận, thị xã); gone since 1 July 2025.',
    },
    COMMUNE: { value: 'commune', description: 'A commune, ward or township (xã, phường, thị trấn).' },
    VILLAGE: { value: 'village', description: 'A village or hamlet below a commune (thôn, bản, ấp).' },
  } as const,
});

/** The types of commune-level unit, as stored (`Area.communeType`) and as the planning library names them. */
export const CommuneTypeEnum = builder.enumType('CommuneType', {
  description:
    'The legal type of a commune-level unit, which with its density and urban share sets the terrain class mobile teams drive through.',
  values: {
    WARD: { value: 'ward', description: 'An urban ward (phường): urban terrain.' },
    TOWNSHIP: {
      value: 'township',
      description:
        'A district’s town (thị trấn; gone since 1 July 2025): by its density, lowland without one.',
    },
    COMMUNE: {
      value: 'commune',
      description: 'A rural commune (xã): terrain by its density and urban share.',
    },
    SPECIAL_ZONE: {
      value: 'special-zone',
      description:
        'An island special zone (đặc khu, since 1 July 2025): terrain by its density and urban share.',
    },
  } as const,
});

builder.prismaNode('Area', {
  description:
    'An administrative unit at any depth, with its population figures (sums of its children on parents). Names, codes and the tree are public; the figures only for a caller whose area holds it (an admin: all).',
  id: { field: 'code', skipTypeScopes: true },
  nullable: true,
  authScopes: (area) => ({ seesAreaAt: area.path }),
  fields: (t) => ({
    code: t.exposeString('code', {
      skipTypeScopes: true,
      description: 'The area’s own key: its GSO code (`67`, `665`), `VN2025-<code>` for the units of 2025.',
    }),
    name: t.exposeString('name', { skipTypeScopes: true, description: 'Official name (Tỉnh Đắk Nông).' }),
    level: t.field({
      type: AreaLevelEnum,
      skipTypeScopes: true,
      description: 'What kind of unit it is (any depth; the units of 2025 have no district).',
      // Stored as text; every writer (the bundled datasets) uses the enum's values.
      resolve: (area) => area.level as AreaLevel,
    }),
    depth: t.exposeInt('depth', {
      skipTypeScopes: true,
      description: 'Levels below its root: 0 for a root, 1 for its children, …',
    }),
    parentCode: t.exposeString('parentCode', {
      skipTypeScopes: true,
      nullable: true,
      description: 'Code of the area above; null for a root.',
    }),
    parent: t.relation('parent', {
      skipTypeScopes: true,
      nullable: true,
      description: 'The area above; null for a root.',
    }),
    children: t.relation('children', {
      skipTypeScopes: true,
      description: 'The areas directly below, by code.',
      query: { orderBy: { code: 'asc' } },
    }),
    childCount: t.relationCount('children', {
      skipTypeScopes: true,
      description: 'Number of areas directly below.',
    }),
    population: t.exposeInt('population', {
      nullable: true,
      description: 'People living in the area (2019 census), persons; null when unknown.',
    }),
    eligibleShare: t.exposeFloat('eligibleShare', {
      nullable: true,
      description: 'Share of the population eligible (aged 14+), 0..1.',
    }),
    eligible: t.exposeInt('eligible', {
      nullable: true,
      description: 'Eligible people (aged 14+), persons.',
    }),
    alreadyServed: t.exposeInt('alreadyServed', {
      description: 'Eligible people already served before the campaign, persons (dossiers taken).',
    }),
    turnout: t.exposeFloat('turnout', {
      nullable: true,
      description: 'Expected share of the eligible who come, 0..1.',
    }),
    latitude: t.exposeFloat('latitude', {
      nullable: true,
      description:
        'Centroid, degrees (communes). Mobile teams visit a leaf area without one at the centroid of the nearest area above it that has one (with none above, at the centre of the leaf areas near it that have one), and their plan says so.',
    }),
    longitude: t.exposeFloat('longitude', {
      nullable: true,
      description: 'Centroid, degrees (communes); null with the latitude (see `latitude`).',
    }),
    areaKm2: t.exposeFloat('areaKm2', {
      nullable: true,
      description:
        'Land area, km² (approximate, from map polygons; a parent’s is the sum of its children’s); with the population, the density that sets a commune’s terrain class. Null when unknown.',
    }),
    urbanShare: t.exposeFloat('urbanShare', {
      nullable: true,
      description:
        'Share of the residents living in urban areas, 0..1 (2019 census); from 0.5 a commune is urban terrain. Null when unknown.',
    }),
    communeType: t.field({
      type: CommuneTypeEnum,
      nullable: true,
      skipTypeScopes: true,
      description:
        'The legal type of a commune-level unit (a ward is urban terrain); null above the communes or when unknown.',
      // Stored as text; every writer (the datasets, the spreadsheet import) uses the enum's values.
      resolve: (area) => area.communeType as CommuneType | null,
    }),
  }),
});

builder.queryFields((t) => ({
  areas: t.prismaConnection(
    {
      type: 'Area',
      cursor: 'code',
      // Refused, it is null beside an error and the rest of the answer stands.
      nullable: true,
      description:
        'Areas ordered by code: the children of `parentCode` (roots when `roots` is true), of one `level`, or all; public. An unknown `parentCode` (or a bad page) is refused: null, with NOT_FOUND (BAD_USER_INPUT) naming it, the rest of the answer kept.',
      args: {
        parentCode: t.arg.string({ description: 'Only the areas directly below this one (its code).' }),
        level: t.arg({ type: AreaLevelEnum, description: 'Only areas of this level.' }),
        roots: t.arg.boolean({ description: 'Only areas without a parent.' }),
      },
      complexity: (args) => ({ field: 1, multiplier: pageSize(args) }),
      skipTypeScopes: true,
      maxSize: (args) => checkedPageSize(args),
      // Either may run alone (a selection of only `totalCount` reads no page): both check the page
      // and the parent.
      totalCount: async (_parent, args, { memo }) => {
        checkedPageSize(args);
        await checkCursorKeys(args, 'area', namesArea, memo);
        return prisma.area.count({ where: await areasWhere(args) });
      },
      resolve: async (query, _root, args, { memo }) => {
        await checkCursorKeys(args, 'area', namesArea, memo);
        return prisma.area.findMany({ ...query, where: await areasWhere(args) });
      },
    },
    ...countedConnection('Area', 'areas'),
  ),
  area: t.prismaField({
    type: 'Area',
    nullable: true,
    description: 'The area of this code, or null when there is none; public.',
    args: { code: t.arg.string({ required: true, description: 'The area’s code, e.g. `67`.' }) },
    skipTypeScopes: true,
    resolve: (query, _root, args) => prisma.area.findUnique({ ...query, where: { code: args.code } }),
  }),
}));

/** Whether an area of this code is stored: the key of an `areas` cursor. */
async function namesArea(code: string): Promise<boolean> {
  return (await prisma.area.count({ where: { code } })) > 0;
}

/** The areas `areas(parentCode, level, roots)` lists; an unknown `parentCode` is not found. */
async function areasWhere(args: {
  parentCode?: string | null;
  level?: string | null;
  roots?: boolean | null;
}): Promise<Prisma.AreaWhereInput> {
  if (args.parentCode != null && (await prisma.area.count({ where: { code: args.parentCode } })) === 0) {
    throw new NotFoundError('area', args.parentCode, 'parentCode');
  }
  return {
    ...(args.parentCode != null ? { parentCode: args.parentCode } : {}),
    ...(args.roots ? { parentCode: null } : {}),
    ...(args.level != null ? { level: args.level } : {}),
  };
}

const AreaDataset = builder.enumType('AreaDataset', {
  description:
    'Bundled area data (data/vietnam, 2019 census population): the units of 2021 and of 1 July 2025, which can be loaded side by side.',
  values: {
    DEMO: { description: AREA_DATASETS.DEMO.description },
    COUNTRY: { description: AREA_DATASETS.COUNTRY.description },
    VIETNAM_2025: { description: AREA_DATASETS.VIETNAM_2025.description },
  } as const,
});

const LeafPlacementRef = builder.objectRef<LeafPlacement>('LeafPlacement').implement({
  description:
    'A leaf area a file stored without latitude and longitude, and where mobile teams will visit it: at the centroid of the nearest area above it with one (placedAt…), or, with none above, at the centre of the leaf areas around it that have one.',
  fields: (t) => ({
    sheet: t.exposeString('sheet', {
      nullable: true,
      description: 'The sheet of its row; null in a CSV file.',
    }),
    row: t.exposeInt('row', { description: 'Its row as the spreadsheet numbers it (1 is the first line).' }),
    areaCode: t.exposeString('areaCode', { description: 'The leaf area’s code.' }),
    areaName: t.exposeString('areaName', { description: 'The leaf area’s name.' }),
    placedAtCode: t.exposeString('placedAtCode', {
      nullable: true,
      description:
        'The code of the nearest area above it with a centroid, where teams visit it; null when no area above it has one (teams visit it at the centre of the leaf areas around it that have one).',
    }),
    placedAtName: t.exposeString('placedAtName', {
      nullable: true,
      description: 'The name of that area; null with placedAtCode.',
    }),
    message: t.exposeString('message', {
      description:
        'The note in English, as `notes` lists it: `row 3: Thôn Hai (99990032) has no latitude and longitude: mobile teams will visit it at the centroid of Xã Đắk Môl (24718), the nearest area above it with one`.',
    }),
  }),
});

const ImportAreasPayload = builder.objectRef<ImportAreaSheetResult>('ImportAreasPayload').implement({
  description: 'What an import of areas did.',
  fields: (t) => ({
    inserted: t.exposeInt('inserted', { description: 'Areas that were not there before.' }),
    updated: t.exposeInt('updated', {
      description: 'Areas already stored whose figures the file gave (0 for a bundled dataset).',
    }),
    total: t.exposeInt('total', { description: 'Areas in the dataset, or rows in the file.' }),
    notes: t.exposeStringList('notes', {
      description:
        'What was left aside from a file (columns or sheets not read, codes typed as numbers), and each row of a leaf area stored without latitude and longitude, with where mobile teams will visit it: the centroid of the nearest area above it with one.',
    }),
    fileNotes: t.field({
      type: [FileNoteRef],
      description:
        'What was left aside from a file (columns or sheets not read, codes typed as numbers), by their parts, in the order of `notes`, where they come first (each note’s `message` is its sentence there); empty for a bundled dataset.',
      resolve: (payload) => payload.fileNotes,
    }),
    placements: t.field({
      type: [LeafPlacementRef],
      description:
        'Each leaf area of the file stored without latitude and longitude, in row order, with where mobile teams will visit it (the same as its note in `notes`, by its parts); empty for a bundled dataset.',
      resolve: (payload) => payload.placements,
    }),
  }),
});

builder.mutationField('importAreas', (t) =>
  t.field({
    type: ImportAreasPayload,
    description:
      'Loads areas, from one of: `dataset`, a bundled dataset (areas already present are left as they are; admins only); `file`, a province’s own list with population as XLSX or CSV (template: GET /templates/areas.xlsx), checked whole (every bad row and cell named at once, rows outside the planner’s area among them as code forbidden, nothing stored unless all is valid), new areas added under a stored parent or one of the file, stored areas given the figures the file holds (an empty cell keeps the stored value; an area is never moved), parents’ figures summed again, all in one transaction (admins, and planners inside their area). The tree’s figures are given on its leaves and summed exactly to every parent (a leaf’s eligible counted, or its population × its share or the nearest one above, rounded), so a file is refused, naming the cell, when it gives an area with areas under it a population, eligible or served other than their sum; when the areas it puts under an area stored with a population (or people already served) of its own and nothing under it do not add up to it (`Xã Trường Xuân has population 12,774; the 1 area this file puts under it adds up to 900`); when a leaf’s eligible exceed its population (the planning library refuses every plan with such an area) or its people already served exceed its eligible; or when a count passes 2,147,483,647.',
    errors: { types: fileErrors },
    args: {
      dataset: t.arg({ type: AreaDataset, description: 'A bundled dataset (admins only).' }),
      file: t.arg({
        type: 'File',
        description: 'An XLSX or CSV file of areas (multipart part), at most 20 MiB and 100,000 rows.',
      }),
    },
    skipTypeScopes: true,
    authScopes: (_root, args) => (args.file != null ? { admin: true, planner: true } : { admin: true }),
    resolve: async (_root, args, { principal }) => {
      if ((args.dataset == null) === (args.file == null)) {
        throw new PlanningInputError({
          path: args.file == null ? 'dataset' : 'file',
          code: 'conflict',
          expected: 'exactly one of dataset and file',
          received: args.file == null ? 'neither' : 'both',
        });
      }
      if (args.file != null) {
        const file = args.file;
        return signedIn(principal, (writer) => importAreaSheet(prisma, file, writer));
      }
      const rows = AREA_DATASETS[args.dataset as keyof typeof AREA_DATASETS].read();
      return {
        inserted: await importAreas(prisma, rows),
        updated: 0,
        total: rows.length,
        notes: [],
        fileNotes: [],
        placements: [],
      };
    },
  }),
);
