/** Per-test Redis isolation: every test file gets its own key prefix, removed afterwards. */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestRedis {
  prefix: string;
  url: string;
  /** a connection for assertions; worker connections are created by the code under test */
  redis: Redis;
  cleanup(): Promise<void>;
}

export async function createTestRedis(label = 'redis'): Promise<TestRedis> {
  const prefix = `test-${label}-${randomUUID().slice(0, 8)}`;
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  return {
    prefix,
    url: REDIS_URL,
    redis,
    async cleanup() {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
        cursor = next;
        if (keys.length) await redis.del(...keys);
      } while (cursor !== '0');
      redis.disconnect();
    },
  };
}
