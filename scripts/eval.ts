/**
 * `npm run eval [-- DIR]`: runs the extractor over every NAME.txt / NAME.html with a NAME.expected.json in
 * DIR (default fixtures/articles) and prints precision, recall and F1 per field, then one last line
 * `eval: f1=… defendants=… sentence=…`. Matching and scoring live in src/extract/score.ts.
 * `--diff` also prints, per article, each field that differs with what was extracted and what was expected;
 * `--only WORD` keeps the articles whose name contains WORD.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { extractVerdicts } from '../src/extract/index.ts';
import { SCORED_FIELDS, diffRecords, emptyTally, scoreArticle, scoreOf, summarize, type LabelledRecord } from '../src/extract/score.ts';
import { htmlToArticleText } from '../src/commands/extract.ts';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const showDiff = args.includes('--diff');
  const onlyAt = args.indexOf('--only');
  const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;
  const dir = path.resolve(args.find((a, i) => !a.startsWith('-') && (onlyAt < 0 || i !== onlyAt + 1)) ?? 'fixtures/articles');
  if (!existsSync(dir)) throw new Error(`eval: ${dir} does not exist`);
  const names = readdirSync(dir).filter((f) => f.endsWith('.expected.json')).map((f) => f.slice(0, -'.expected.json'.length)).filter((n) => !only || n.includes(only)).sort();
  if (names.length === 0) throw new Error(`eval: no NAME.expected.json files in ${dir}`);
  const tally = emptyTally();
  for (const name of names) {
    const expected = JSON.parse(readFileSync(path.join(dir, `${name}.expected.json`), 'utf8')) as { published?: string | null; records: LabelledRecord[] };
    const txt = path.join(dir, `${name}.txt`);
    const html = path.join(dir, `${name}.html`);
    let text: string;
    if (existsSync(txt)) text = readFileSync(txt, 'utf8');
    else if (existsSync(html)) text = (await htmlToArticleText(readFileSync(html, 'utf8'))).text;
    else {
      process.stderr.write(`eval: ${name}: no ${name}.txt or ${name}.html, skipped\n`);
      continue;
    }
    const { records } = extractVerdicts(text, { published: expected.published ?? null });
    scoreArticle(records, expected.records, tally);
    if (showDiff) {
      const diffs = diffRecords(records, expected.records);
      if (diffs.length) process.stdout.write(`${name}\n${diffs.map((d) => `  ${d.key}\n    got:  ${JSON.stringify(d.got)}\n    want: ${JSON.stringify(d.want)}\n`).join('')}`);
    }
  }
  const pct = (n: number): string => (n * 100).toFixed(1).padStart(6);
  process.stdout.write(`${names.length} articles in ${dir}\n${'field'.padEnd(16)}${'P'.padStart(6)}${'R'.padStart(7)}${'F1'.padStart(7)}   tp/fp/fn\n`);
  for (const f of SCORED_FIELDS) {
    const s = scoreOf(tally[f]);
    process.stdout.write(`${f.padEnd(16)}${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)}   ${s.tp}/${s.fp}/${s.fn}\n`);
  }
  const sum = summarize(tally);
  process.stdout.write(`eval: f1=${sum.f1.toFixed(3)} defendants=${sum.defendants.toFixed(3)} sentence=${sum.sentence.toFixed(3)}\n`);
}

await main();
