// A timestamp as the person reading the page lives it: the machine's local time with its offset
// from UTC (2026-12-08 09:30 +08:00), not the UTC instant a JSON report stores.

const two = (n: number) => String(n).padStart(2, '0');

/** `iso` (any Date-parsable time) in local time; `offsetMinutes` east of UTC, by default this machine's at that instant. */
export function localTime(iso: string, offsetMinutes = -new Date(iso).getTimezoneOffset()): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const local = new Date(t.getTime() + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const date = `${local.getUTCFullYear()}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())}`;
  return `${date} ${two(local.getUTCHours())}:${two(local.getUTCMinutes())} ${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}
