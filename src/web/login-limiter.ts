/**
 * Failed-login limiter, in memory (one review server process): after too many failures for a name or
 * from an address, logins are refused for a while without running scrypt, which bounds both password
 * guessing and the CPU an anonymous client can make us burn.
 */

/** failures allowed per name within the window */
export const MAX_FAILURES = 10;
/** failures allowed per address: higher, since an office behind NAT (or a proxy without --trust-proxy)
 * is one address for everybody */
export const MAX_FAILURES_PER_ADDRESS = 100;
export const WINDOW_MS = 15 * 60_000;
/** entries kept at most; the oldest are dropped first, so memory stays bounded under a flood */
const MAX_ENTRIES = 10_000;

export class LoginLimiter {
  private readonly failures = new Map<string, { count: number; resetAt: number }>();
  constructor(private readonly now: () => number = Date.now) {}

  private keys(username: string, ip: string): string[] {
    return [`u:${username.toLowerCase()}`, `ip:${ip}`];
  }

  /** Milliseconds until the name/address may try again, or 0 when it may try now. */
  blockedFor(username: string, ip: string): number {
    const t = this.now();
    let wait = 0;
    for (const key of this.keys(username, ip)) {
      const entry = this.failures.get(key);
      const limit = key.startsWith('ip:') ? MAX_FAILURES_PER_ADDRESS : MAX_FAILURES;
      if (entry && entry.resetAt > t && entry.count >= limit) wait = Math.max(wait, entry.resetAt - t);
    }
    return wait;
  }

  recordFailure(username: string, ip: string): void {
    const t = this.now();
    for (const key of this.keys(username, ip)) {
      const entry = this.failures.get(key);
      if (entry && entry.resetAt > t) entry.count += 1;
      else {
        this.failures.delete(key);
        this.failures.set(key, { count: 1, resetAt: t + WINDOW_MS });
      }
    }
    while (this.failures.size > MAX_ENTRIES) this.failures.delete(this.failures.keys().next().value!);
  }

  recordSuccess(username: string): void {
    this.failures.delete(`u:${username.toLowerCase()}`);
  }
}
