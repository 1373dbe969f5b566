/** Loads the golden fixtures in fixtures/articles (NAME.txt or NAME.html beside NAME.expected.json). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { htmlToArticleText } from '../../src/commands/extract.ts';
import type { LabelledRecord } from '../../src/extract/score.ts';

export const FIXTURE_DIR = path.resolve(import.meta.dirname, '../../fixtures/articles');

export interface Fixture {
  name: string;
  text: string;
  published: string | null;
  records: LabelledRecord[];
}

export function fixtureNames(dir = FIXTURE_DIR): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.expected.json')).map((f) => f.replace(/\.expected\.json$/, '')).sort();
}

export async function loadFixture(name: string, dir = FIXTURE_DIR): Promise<Fixture> {
  const expected = JSON.parse(readFileSync(path.join(dir, `${name}.expected.json`), 'utf8')) as { published: string | null; records: LabelledRecord[] };
  const txt = path.join(dir, `${name}.txt`);
  const html = path.join(dir, `${name}.html`);
  let text: string;
  if (existsSync(txt)) text = readFileSync(txt, 'utf8');
  else if (existsSync(html)) text = (await htmlToArticleText(readFileSync(html, 'utf8'))).text;
  else throw new Error(`fixture ${name}: neither ${name}.txt nor ${name}.html exists beside ${name}.expected.json`);
  return { name, text, published: expected.published ?? null, records: expected.records };
}
