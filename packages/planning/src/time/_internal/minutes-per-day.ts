/** Minutes in a day of 24 hours: the longest opening window, and the 24 hours a day's figure is held to. */
export const MINUTES_PER_DAY = 1440;
