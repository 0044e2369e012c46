import type { NumberRule } from '../../_internal/validate.ts';

/**
 * True when `requireNumber(value, path, rule)` would accept `value`, decided without building the
 * rule's description (which `requireNumber` formats on every call). Callers that get `false` call
 * `requireNumber` for the error, so a refusal reads exactly as before; this only skips work on the
 * accepted path of hot batch calls.
 */
export function acceptsNumber(value: unknown, rule: NumberRule): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (rule.integer && !Number.isSafeInteger(value)) return false;
  if (rule.min !== undefined && (rule.minExclusive ? value <= rule.min : value < rule.min)) return false;
  if (rule.max !== undefined && (rule.maxExclusive ? value >= rule.max : value > rule.max)) return false;
  return true;
}
