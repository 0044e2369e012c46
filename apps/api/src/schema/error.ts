import { builder } from '../builder.ts';
import { NotFoundError, PlanningInfeasibleError, PlanningInputError } from '../errors.ts';

const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  description: 'What every typed error answers: a message fit to show to a planner.',
  fields: (t) => ({ message: t.exposeString('message') }),
});

builder.objectType(PlanningInputError, {
  name: 'InputError',
  description:
    'An argument was refused: `field` names it (e.g. `input.areas[3].population`), `expected` says why.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof PlanningInputError,
  fields: (t) => ({
    field: t.exposeString('path'),
    code: t.exposeString('code'),
    expected: t.exposeString('expected'),
    received: t.exposeString('received'),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'Something named by an argument does not exist.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof NotFoundError,
  fields: (t) => ({
    field: t.exposeString('path'),
    resource: t.exposeString('resource'),
    key: t.exposeString('key'),
  }),
});

builder.objectType(PlanningInfeasibleError, {
  name: 'InfeasibleError',
  description: 'The ask has no answer (for example a deadline before the start).',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof PlanningInfeasibleError,
  fields: (t) => ({
    reason: t.exposeString('reason'),
    detail: t.exposeString('detail'),
  }),
});

/** The errors a field that takes planner input answers with. */
export const inputErrors = [PlanningInputError, NotFoundError];
