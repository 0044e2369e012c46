// The refusal of an update made on a scenario as it was before someone else changed it.

/** What a {@link ScenarioChangedError} says: the scenario, the state the caller read, and the last change. */
export type ScenarioChange = {
  scenarioId: string;
  /** The `updatedAt` the caller read and sent back. */
  expectedUpdatedAt: Date;
  /** When the scenario was last changed. */
  updatedAt: Date;
  /** Who changed it last: the name on their token. */
  updatedBy: string;
};

/**
 * An update refused because the scenario changed after the caller read it: the stored `updatedAt`
 * is not the `expectedUpdatedAt` sent. Nothing was stored; the caller reads the scenario again and
 * makes its change on what it holds now.
 *
 * @example
 * new ScenarioChangedError({ scenarioId: 'dak-nong-2021', expectedUpdatedAt: new Date('2021-03-01T02:00:00Z'),
 *   updatedAt: new Date('2021-03-01T02:05:00Z'), updatedBy: 'Lan' }).message
 * // => 'expectedUpdatedAt: scenario "dak-nong-2021" was changed by Lan at 2021-03-01T02:05:00.000Z, after the 2021-03-01T02:00:00.000Z sent; nothing was stored. Read it again and make the change on what it holds now.'
 */
export class ScenarioChangedError extends Error {
  override readonly name = 'ScenarioChangedError';
  /** The argument refused. */
  readonly path = 'expectedUpdatedAt';
  readonly scenarioId: string;
  readonly expectedUpdatedAt: Date;
  readonly updatedAt: Date;
  readonly updatedBy: string;

  constructor(change: ScenarioChange) {
    super(
      `expectedUpdatedAt: scenario ${JSON.stringify(change.scenarioId)} was changed by ${change.updatedBy} at ${change.updatedAt.toISOString()}, after the ${change.expectedUpdatedAt.toISOString()} sent; nothing was stored. Read it again and make the change on what it holds now.`,
    );
    this.scenarioId = change.scenarioId;
    this.expectedUpdatedAt = change.expectedUpdatedAt;
    this.updatedAt = change.updatedAt;
    this.updatedBy = change.updatedBy;
  }
}
