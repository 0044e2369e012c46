import { describeValue } from '../_internal/describe-value.ts';

/** Why an input was refused. */
export type PlanningInputErrorCode =
  | 'required'
  | 'type'
  | 'range'
  | 'integer'
  | 'format'
  | 'unknown-reference'
  | 'duplicate'
  | 'cycle'
  | 'conflict';

/** What a {@link PlanningInputError} is built from. */
export type PlanningInputErrorOptions = {
  /** Where the bad value sits, e.g. `areas[3].population`. */
  path: string;
  code: PlanningInputErrorCode;
  /** What was expected, phrased to follow "must be": `a non-negative integer`. */
  expected: string;
  received: unknown;
};

/**
 * Thrown when an argument of a planning function is malformed. The message names the field,
 * what it must be and what came, so it can be shown to a planner as it is.
 *
 * @example
 * new PlanningInputError({ path: 'areas[3].population', code: 'range', expected: 'a non-negative integer', received: -5 }).message
 * // => 'areas[3].population must be a non-negative integer, got -5'
 */
export class PlanningInputError extends Error {
  override readonly name = 'PlanningInputError';
  readonly path: string;
  readonly code: PlanningInputErrorCode;
  readonly expected: string;
  /** The value refused, shortened and quoted for the message (`"40"`, `-5`, `an array of 3`). */
  readonly received: string;
  /** The value refused as it came, for callers that show it themselves. */
  readonly receivedValue: unknown;

  constructor(options: PlanningInputErrorOptions) {
    const received = describeValue(options.received);
    super(message(options.path, options.expected, received));
    this.path = options.path;
    this.code = options.code;
    this.expected = options.expected;
    this.received = received;
    this.receivedValue = options.received;
  }

  /**
   * The same refusal of a value nested at `prefix` in a larger argument (`sites[3]` + `hours.open`
   * is `sites[3].hours.open`), for a function that reads many inputs with one reader.
   */
  static within(prefix: string, error: PlanningInputError): PlanningInputError {
    const nested = new PlanningInputError({ ...error, path: `${prefix}.${error.path}`, received: undefined });
    return Object.assign(nested, {
      received: error.received,
      message: message(nested.path, error.expected, error.received),
    });
  }
}

function message(path: string, expected: string, received: string): string {
  return `${path} must be ${expected}, got ${received}`;
}
