/** Ten years of calendar days: the furthest any walk of open days goes before it gives up. */
export const DEFAULT_HORIZON_DAYS = 3660;
