/**
 * The offline demo: serves the fixture news site on 127.0.0.1 and runs the whole system against it, in its
 * own database and Redis prefix, with a demo login, so a newcomer sees records without internet.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT, type Settings } from '../config.ts';
import { startSystem, type RunningSystem } from '../runtime.ts';
import { Db } from '../store/db.ts';
import { migrate } from '../store/migrate.ts';
import { findUserByName, insertUser } from '../store/users.ts';
import { hashPassword } from '../web/passwords.ts';
import { startSiteServer, type SiteServer } from './site-server.ts';

export const DEMO_SITE_DIR = path.join(PROJECT_ROOT, 'fixtures/sites/steppe-herald');
export const DEMO_USER = 'demo';
/** Only for the local demo database; printed on start. */
export const DEMO_PASSWORD = 'courtwatch-demo';

/** The demo's sources: the same site through its feed, its sitemap and its listing pages. */
export function demoSourcesYaml(siteUrl: string): string {
  return `contact_url: https://example.org/courtwatch-demo
sources:
  - id: steppe-herald-rss
    name: The Steppe Herald (RSS)
    kind: rss
    url: ${siteUrl}/rss.xml
    schedule: { every: 5m }
    rate_limit: { per_second: 10, concurrency: 2 }
    allow_private_network: true
  - id: steppe-herald-sitemap
    name: The Steppe Herald (sitemap)
    kind: sitemap
    url: ${siteUrl}/sitemap.xml
    schedule: { every: 1h }
    rate_limit: { per_second: 10, concurrency: 2 }
    allow_private_network: true
  - id: steppe-herald-listing
    name: The Steppe Herald (front page)
    kind: listing
    url: ${siteUrl}/index.html
    listing: { article_links: ".story-list .story-card__title a", next_page: "a[rel=next]", max_pages: 3 }
    schedule: { every: 15m }
    rate_limit: { per_second: 10, concurrency: 2 }
    allow_private_network: true
`;
}

/** Demo settings: its own database and queue prefix unless the environment names them. */
export function demoSettings(base: Settings, env: NodeJS.ProcessEnv = process.env): Settings {
  const databaseUrl = env.DATABASE_URL ?? base.databaseUrl.replace(/\/[^/]*$/, '/courtwatch_demo');
  return { ...base, databaseUrl, queuePrefix: env.COURTWATCH_QUEUE_PREFIX ?? 'courtwatch-demo' };
}

export async function ensureDemoUser(databaseUrl: string): Promise<void> {
  const db = new Db(databaseUrl, { max: 1 });
  try {
    if (!(await findUserByName(db, DEMO_USER))) await insertUser(db, DEMO_USER, await hashPassword(DEMO_PASSWORD), 'admin');
  } finally {
    await db.close();
  }
}

export interface RunningDemo {
  site: SiteServer;
  system: RunningSystem;
  stop(): Promise<void>;
}

/** Runs the demo with `base` as given (the CLI passes demoSettings(loadSettings())). */
export async function startDemo(base: Settings, options: { sitePort?: number; onListening?: (url: string) => void } = {}): Promise<RunningDemo> {
  const site = await startSiteServer(DEMO_SITE_DIR, options.sitePort ?? 0);
  const dir = mkdtempSync(path.join(tmpdir(), 'courtwatch-demo-'));
  const sourcesFile = path.join(dir, 'sources.yml');
  writeFileSync(sourcesFile, demoSourcesYaml(site.url));
  const settings = { ...base, sourcesFile };
  try {
    await migrate(settings.databaseUrl);
    await ensureDemoUser(settings.databaseUrl);
    const system = await startSystem(settings, { onListening: options.onListening });
    return {
      site,
      system,
      async stop() {
        await system.stop(5_000);
        await site.close();
      },
    };
  } catch (err) {
    await site.close();
    throw err;
  }
}
