// A value that follows another once it stops changing: what the views debounce typing with (the
// staffing view's schedule asked of the service, the report form's draft kept on the phone).
import { useEffect, useState } from 'react';

/**
 * `value` once it has stayed the same for `ms`; until then, the value it settled on before.
 *
 * @example const schedule = useSettled(typedSchedule, 350);
 * // typedSchedule as it was 350 ms after the last keystroke
 */
export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
