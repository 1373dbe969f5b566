/** Pure timing: when a new delivery is due (batch window or digest slot) and how long a retry waits. */
import type { AlertRule, AlertSettings } from './rules-config.ts';

const DAY_MS = 86_400_000;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

/** The next digest slot strictly after `now`: today's or tomorrow's digest_hour (UTC), or the weekly day's. */
export function nextDigestAt(now: Date, settings: AlertSettings, kind: 'daily' | 'weekly'): Date {
  const slot = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), settings.digest_hour));
  if (kind === 'daily') return slot > now ? slot : new Date(slot.getTime() + DAY_MS);
  const wanted = WEEKDAYS.indexOf(settings.weekly_day);
  let days = (wanted - slot.getUTCDay() + 7) % 7;
  if (days === 0 && slot <= now) days = 7;
  return new Date(slot.getTime() + days * DAY_MS);
}

/** When a delivery created now goes out: after the batch window, or at the next digest. */
export function firstDueAt(rule: Pick<AlertRule, 'delivery'>, now: Date, settings: AlertSettings): Date {
  if (rule.delivery === 'immediate') return new Date(now.getTime() + settings.batch_window);
  return nextDigestAt(now, settings, rule.delivery);
}

/** Delay before attempt `attempts + 1`: retry_base doubled per failed attempt, capped at retry_max. */
export function retryDelayMs(attempts: number, settings: AlertSettings): number {
  const exp = Math.min(Math.max(attempts - 1, 0), 30);
  return Math.min(settings.retry_base * 2 ** exp, settings.retry_max);
}
