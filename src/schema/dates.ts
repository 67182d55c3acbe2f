// Calendar dates as the tool takes them (YYYY-MM-DD): checked to name a real day, and counted in
// days for a plan's trajectory between its baseline year and its target date.

/** YYYY-MM-DD naming a day that exists (Date.parse rolls 2025-02-30 over into March). */
export function isCalendarDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

/** Days from `a` to `b` (both YYYY-MM-DD). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
