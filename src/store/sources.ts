/** Source rows: a mirror of config/sources.yml plus crawl health and discovery state. */
import type { Queryable } from './db.ts';

export interface SourceRowInput {
  id: string;
  name: string;
  kind: string;
  url: string;
  config: unknown;
}

/** Inserts or updates every configured source (config is the source of truth). */
export async function upsertSources(db: Queryable, sources: SourceRowInput[]): Promise<void> {
  for (const s of sources) {
    await db.query(
      `INSERT INTO sources (id, name, kind, url, config) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, url = EXCLUDED.url,
         config = EXCLUDED.config, updated_at = now()
       WHERE (sources.name, sources.kind, sources.url, sources.config) IS DISTINCT FROM
             (EXCLUDED.name, EXCLUDED.kind, EXCLUDED.url, EXCLUDED.config)`,
      [s.id, s.name, s.kind, s.url, JSON.stringify(s.config)],
    );
  }
}

export async function getDiscoveryState(db: Queryable, sourceId: string): Promise<Record<string, string> | null> {
  const rows = await db.query<{ discovery_state: Record<string, string> }>('SELECT discovery_state FROM sources WHERE id = $1', [sourceId]);
  return rows[0]?.discovery_state ?? null;
}

export async function recordDiscoverySuccess(db: Queryable, sourceId: string, state: object): Promise<void> {
  await db.query(
    'UPDATE sources SET discovery_state = $2, last_success_at = now(), last_error = NULL, updated_at = now() WHERE id = $1',
    [sourceId, JSON.stringify(state)],
  );
}

export async function recordSourceFailure(db: Queryable, sourceId: string, error: string): Promise<void> {
  await db.query('UPDATE sources SET last_failure_at = now(), last_error = $2, updated_at = now() WHERE id = $1', [
    sourceId,
    error.slice(0, 2000),
  ]);
}

export interface SourceHealth {
  id: string;
  name: string;
  last_success_at: Date | null;
  last_failure_at: Date | null;
  last_error: string | null;
  articles: number;
}

export async function listSourceHealth(db: Queryable): Promise<SourceHealth[]> {
  return db.query<SourceHealth & Record<string, unknown>>(
    `SELECT s.id, s.name, s.last_success_at, s.last_failure_at, s.last_error,
            (SELECT count(*) FROM articles a WHERE a.source_id = s.id)::int AS articles
       FROM sources s ORDER BY s.id`,
  );
}
