import { builder } from '../builder.ts';
import {
  ForbiddenError,
  LimitExceededError,
  MAX_LISTED_PROBLEMS,
  MalformedInputError,
  NotFoundError,
  PlanningInfeasibleError,
  PlanningInputError,
  receivedAsSent,
  refusalsOf,
  UnauthenticatedError,
} from '../errors.ts';

export const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  description: 'What every typed error answers: a message fit to show to a planner.',
  fields: (t) => ({
    message: t.exposeString('message', { description: 'What was refused and why, in a sentence (English).' }),
  }),
});

/** One refusal of an InputError's list, as plain fields (graphql-js answers an `Error` value as a field error). */
type InputProblem = {
  field: string;
  code: string;
  expected: string;
  received: string | null;
  message: string;
};

const InputProblemRef = builder.objectRef<InputProblem>('InputProblem').implement({
  description:
    'One argument refused, of those an InputError names: `reports[0].dossiers` and `reports[0].hoursOpen` of a report with two bad figures are two.',
  fields: (t) => ({
    field: t.exposeString('field', {
      description:
        'The argument refused, as the caller wrote it: `reports[2].date`, `input.areas[3].population`.',
    }),
    code: t.exposeString('code', {
      description:
        'Why: required, type, range, integer, format, unknown-reference, duplicate, cycle or conflict.',
    }),
    expected: t.exposeString('expected', {
      description: 'What the argument must be, phrased to follow “must be”.',
    }),
    received: t.exposeString('received', {
      nullable: true,
      description:
        'The value refused as it was sent: a string as it is (not quoted), anything else in JSON, cut at 200 characters; null when nothing was sent.',
    }),
    message: t.exposeString('message', {
      description: 'This refusal in a sentence (English): `reports[0].hoursOpen must be …, got 30`.',
    }),
  }),
});

function inputProblem(error: PlanningInputError): InputProblem {
  return {
    field: error.path,
    code: error.code,
    expected: error.expected,
    received: receivedAsSent(error.receivedValue),
    message: error.message,
  };
}

builder.objectType(PlanningInputError, {
  name: 'InputError',
  description:
    'An argument was refused: `field` names it (e.g. `input.areas[3].population`), `expected` says why; when several were, these are the first’s, `problems` lists them (the first 100) and `problemCount` counts them.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof PlanningInputError,
  fields: (t) => ({
    field: t.exposeString('path', {
      description:
        'The argument refused, as the caller wrote it: `waitTargetMinutes`, `input.areas[3].population`, `reports[2].date`.',
    }),
    code: t.exposeString('code', {
      description:
        'Why: required, type, range, integer, format, unknown-reference, duplicate, cycle or conflict.',
    }),
    expected: t.exposeString('expected', {
      description: 'What the argument must be, phrased to follow “must be”.',
    }),
    received: t.string({
      nullable: true,
      description:
        'The value refused as it was sent: a string as it is (not quoted), anything else in JSON, cut at 200 characters; null when nothing was sent.',
      resolve: (error) => receivedAsSent(error.receivedValue),
    }),
    problems: t.field({
      type: [InputProblemRef],
      description:
        'Every argument refused, in the order of the input (a batch’s reports in order, each report’s figures in the order of its fields), at most the first 100 (`problemCount` says how many there are): the first is the one `field`, `code`, `expected` and `received` give, and a single refusal is the one entry. `message` quotes the first three when there are several.',
      resolve: (error) =>
        (error instanceof MalformedInputError ? error.problems.slice(0, MAX_LISTED_PROBLEMS) : [error]).map(
          inputProblem,
        ),
    }),
    problemCount: t.int({
      description:
        'How many arguments were refused in all, counting those past the 100 `problems` lists; 1 for a single refusal.',
      resolve: (error) => refusalsOf(error)?.count ?? 1,
    }),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'Something named by an argument does not exist.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof NotFoundError,
  fields: (t) => ({
    field: t.exposeString('path', {
      description: 'The argument that named it, e.g. `areaCode`, `reports[2].areaCode`.',
    }),
    resource: t.exposeString('resource', {
      description: 'What was looked for: area, scenario, report, team, token, …',
    }),
    key: t.exposeString('key', { description: 'The code or id given.' }),
  }),
});

builder.objectType(PlanningInfeasibleError, {
  name: 'InfeasibleError',
  description: 'The ask has no answer (for example a deadline before the start).',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof PlanningInfeasibleError,
  fields: (t) => ({
    reason: t.exposeString('reason', { description: 'Why, as a code.' }),
    detail: t.exposeString('detail', { description: 'Why, in a sentence.' }),
  }),
});

const LimitKindEnum = builder.enumType('LimitKind', {
  description: 'Which limit of one request was reached.',
  values: {
    COST: {
      value: 'cost',
      description: 'The work a computation needs (cost points) is over what the request has left.',
    },
    TIME: {
      value: 'time',
      description: 'The time the request’s computations may take (COMPUTE_BUDGET_MS) is spent.',
    },
  } as const,
});

builder.objectType(LimitExceededError, {
  name: 'LimitExceededError',
  description:
    'A computation was refused before it ran, its cost being over what the request has left, or stopped when the request’s time budget was spent. Ask for less or split the request.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof LimitExceededError,
  fields: (t) => ({
    limit: t.field({
      description: 'Which limit: the request’s cost points or its time.',
      type: LimitKindEnum,
      resolve: (error) => error.limit,
    }),
    computation: t.exposeString('what', {
      description: 'The computation refused or stopped, e.g. buildRoster.',
    }),
  }),
});

builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  description:
    'The caller’s token does not let it use this field (extensions code FORBIDDEN): the rest of the answer stands.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ForbiddenError,
  fields: (t) => ({
    field: t.exposeString('field', { description: 'The field refused, e.g. Query.plan.' }),
    // Kept for clients built when a file's first refused row came back here (a phone's cached app).
    row: t.int({
      nullable: true,
      deprecationReason:
        'A file’s rows the caller may not send are SpreadsheetError issues of code forbidden.',
      description:
        'Always null: a file’s rows the caller may not send are SpreadsheetError issues of code forbidden.',
      resolve: () => null,
    }),
    sheet: t.string({
      nullable: true,
      deprecationReason:
        'A file’s rows the caller may not send are SpreadsheetError issues of code forbidden.',
      description:
        'Always null: a file’s rows the caller may not send are SpreadsheetError issues of code forbidden.',
      resolve: () => null,
    }),
    column: t.string({
      nullable: true,
      deprecationReason:
        'A file’s rows the caller may not send are SpreadsheetError issues of code forbidden.',
      description:
        'Always null: a file’s rows the caller may not send are SpreadsheetError issues of code forbidden.',
      resolve: () => null,
    }),
  }),
});

builder.objectType(UnauthenticatedError, {
  name: 'UnauthenticatedError',
  description:
    'This field needs a bearer token and the request sent none (extensions code UNAUTHENTICATED): the rest of the answer stands.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof UnauthenticatedError,
  fields: (t) => ({ field: t.exposeString('field', { description: 'The field refused, e.g. Query.plan.' }) }),
});

/** Refusals of who the caller is, answered in a field's union so the rest of the answer stands. */
const accessErrors = [ForbiddenError, UnauthenticatedError];

/** The errors a field that takes planner input answers with. */
export const inputErrors = [PlanningInputError, NotFoundError, ...accessErrors];

/** The errors of a field that computes in the worker pool: its input, access, and the request's limits. */
export const computeErrors = [...inputErrors, LimitExceededError];
