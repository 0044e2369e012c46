import { builder, pageSize } from '../builder.ts';
import { AREA_DATASETS } from '../data/area-datasets.ts';
import { importAreas } from '../data/import-areas.ts';
import { prisma } from '../db.ts';

builder.prismaObject('Area', {
  description:
    'An administrative unit at any depth, with its population figures (sums of its children on parents). Names, codes and the tree are public; the figures only for a caller whose area holds it (an admin: all).',
  authScopes: (area) => ({ seesAreaAt: area.path }),
  fields: (t) => ({
    code: t.exposeString('code', { skipTypeScopes: true }),
    name: t.exposeString('name', { skipTypeScopes: true }),
    level: t.exposeString('level', {
      skipTypeScopes: true,
      description: 'province, district, commune, ... (any depth; the units of 2025 have no district).',
    }),
    depth: t.exposeInt('depth', { skipTypeScopes: true, description: '0 for a root.' }),
    parentCode: t.exposeString('parentCode', { skipTypeScopes: true, nullable: true }),
    parent: t.relation('parent', { skipTypeScopes: true, nullable: true }),
    children: t.relation('children', { skipTypeScopes: true, query: { orderBy: { code: 'asc' } } }),
    childCount: t.relationCount('children', { skipTypeScopes: true }),
    population: t.exposeInt('population', { nullable: true }),
    eligibleShare: t.exposeFloat('eligibleShare', {
      nullable: true,
      description: 'Share of the population eligible (aged 14+), 0..1.',
    }),
    eligible: t.exposeInt('eligible', { nullable: true, description: 'Eligible people (aged 14+).' }),
    alreadyServed: t.exposeInt('alreadyServed'),
    turnout: t.exposeFloat('turnout', {
      nullable: true,
      description: 'Expected share of the eligible who come, 0..1.',
    }),
    latitude: t.exposeFloat('latitude', { nullable: true, description: 'Centroid, degrees (communes).' }),
    longitude: t.exposeFloat('longitude', { nullable: true, description: 'Centroid, degrees (communes).' }),
  }),
});

builder.queryFields((t) => ({
  areas: t.prismaConnection({
    type: 'Area',
    cursor: 'code',
    description:
      'Areas ordered by code: the children of `parentCode` (roots when `roots` is true), of one `level`, or all.',
    args: {
      parentCode: t.arg.string(),
      level: t.arg.string(),
      roots: t.arg.boolean({ description: 'Only areas without a parent.' }),
    },
    complexity: (args) => ({ field: 1, multiplier: pageSize(args) }),
    skipTypeScopes: true,
    resolve: (query, _root, args) =>
      prisma.area.findMany({
        ...query,
        where: {
          ...(args.parentCode != null ? { parentCode: args.parentCode } : {}),
          ...(args.roots ? { parentCode: null } : {}),
          ...(args.level != null ? { level: args.level } : {}),
        },
      }),
  }),
  area: t.prismaField({
    type: 'Area',
    nullable: true,
    args: { code: t.arg.string({ required: true }) },
    skipTypeScopes: true,
    resolve: (query, _root, args) => prisma.area.findUnique({ ...query, where: { code: args.code } }),
  }),
}));

const AreaDataset = builder.enumType('AreaDataset', {
  description:
    'Bundled area data (data/vietnam, 2019 census population): the units of 2021 and of 1 July 2025, which can be loaded side by side.',
  values: {
    DEMO: { description: AREA_DATASETS.DEMO.description },
    COUNTRY: { description: AREA_DATASETS.COUNTRY.description },
    VIETNAM_2025: { description: AREA_DATASETS.VIETNAM_2025.description },
  } as const,
});

const ImportAreasPayload = builder
  .objectRef<{ inserted: number; total: number }>('ImportAreasPayload')
  .implement({
    fields: (t) => ({
      inserted: t.exposeInt('inserted', { description: 'Areas that were not there before.' }),
      total: t.exposeInt('total', { description: 'Areas in the dataset.' }),
    }),
  });

builder.mutationField('importAreas', (t) =>
  t.field({
    type: ImportAreasPayload,
    description: 'Loads a bundled dataset of areas; areas already present are left as they are. Admins only.',
    args: { dataset: t.arg({ type: AreaDataset, required: true }) },
    resolve: async (_root, args) => {
      const rows = AREA_DATASETS[args.dataset].read();
      return { inserted: await importAreas(prisma, rows), total: rows.length };
    },
  }),
);
