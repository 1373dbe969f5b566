/** Serves the few static files (our one script and stylesheet) from src/web/static, read once at start. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

const STATIC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'static');
const FILES: Record<string, string> = { 'app.js': 'text/javascript; charset=utf-8', 'app.css': 'text/css; charset=utf-8' };

export function registerStatic(app: FastifyInstance): void {
  const contents = new Map(Object.entries(FILES).map(([name, type]) => [name, { type, body: readFileSync(path.join(STATIC_DIR, name)) }]));
  app.get('/static/:file', async (req, reply) => {
    const file = contents.get((req.params as { file: string }).file);
    if (!file) return reply.code(404).type('text/plain; charset=utf-8').send('not found');
    return reply.type(file.type).header('cache-control', 'public, max-age=300').send(file.body);
  });
}
