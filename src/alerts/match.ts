/**
 * Pure rule matching. Every criterion a rule gives must hold; inside one criterion's list any entry may
 * match. Text is compared case- and accent-insensitively ("Almaty" matches "ALMATY", "Zhanaozen"
 * matches "Zhanaözen"), so rule authors need not guess how an outlet spelled it.
 */
import type { AlertRule, RuleMatch } from './rules-config.ts';
import type { AlertCandidate } from './types.ts';

const diacriticsRe = /\p{M}+/gu;
const spacesRe = /\s+/g;
const nameTokenRe = /[\p{L}\p{N}]+/gu;
// A code-article reference before the number: "Article 190", "art. 190", "section 366", "§ 263", "ст. 190".
const articlePrefix = String.raw`(?:article|art\.?|section|sec\.?|§|статья|статьи|ст\.?)\s*`;

export function normalizeText(text: string): string {
  return text.normalize('NFKD').replace(diacriticsRe, '').toLowerCase().replace(spacesRe, ' ').trim();
}

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "190" or "190 part 2" -> matches "Article 190" but not "Article 1900". */
function codeArticleRe(article: string): RegExp {
  return new RegExp(`${articlePrefix}${escapeRe(normalizeText(article))}(?![0-9])`, 'u');
}

function nameTokens(name: string): string[] {
  return normalizeText(name).match(nameTokenRe) ?? [];
}

/** Every token of the rule's name is in the defendant's name, in any order ("Ivanov" ~ "Sergei Ivanov"). */
function nameMatches(pattern: string, name: string | null): boolean {
  if (!name) return false;
  const have = new Set(nameTokens(name));
  const want = nameTokens(pattern);
  return want.length > 0 && want.every((t) => have.has(t));
}

function anyIncludes(patterns: string[], haystack: string): boolean {
  return patterns.some((p) => haystack.includes(p));
}

interface CompiledMatch {
  charges?: string[];
  codeArticles?: RegExp[];
  courts?: string[];
  keywords?: string[];
}

interface NormalizedCandidate {
  charges: string;
  court: string | null;
  /** title and text, normalised on first use (the costly part, shared by every rule) */
  text: () => string;
}

// Rules and candidates are matched many times against each other: normalise each once.
const compiledRules = new WeakMap<RuleMatch, CompiledMatch>();
const normalizedCandidates = new WeakMap<AlertCandidate, NormalizedCandidate>();

function compile(m: RuleMatch): CompiledMatch {
  let compiled = compiledRules.get(m);
  if (!compiled) {
    compiled = {
      charges: m.charges?.map(normalizeText),
      codeArticles: m.code_articles?.map(codeArticleRe),
      courts: m.courts?.map(normalizeText),
      keywords: m.keywords?.map(normalizeText),
    };
    compiledRules.set(m, compiled);
  }
  return compiled;
}

// The records of one article arrive together and share its text: remember the last one normalised.
let lastText: { raw: string; normalized: string } | null = null;
function normalizeArticle(raw: string): string {
  if (lastText?.raw !== raw) lastText = { raw, normalized: normalizeText(raw) };
  return lastText.normalized;
}

function normalizeCandidate(c: AlertCandidate): NormalizedCandidate {
  let n = normalizedCandidates.get(c);
  if (!n) {
    let text: string | undefined;
    n = {
      charges: normalizeText(c.charges.join(' ; ')),
      court: c.court ? normalizeText(c.court) : null,
      text: () => (text ??= normalizeArticle(`${c.articleTitle ?? ''} ${c.articleText}`)),
    };
    normalizedCandidates.set(c, n);
  }
  return n;
}

/** Returns the names of the criteria that failed; an empty list means the rule matches. */
export function explainMismatch(rule: Pick<AlertRule, 'match'>, c: AlertCandidate): string[] {
  const m = rule.match;
  const p = compile(m);
  const n = normalizeCandidate(c);
  const failed: string[] = [];
  const charges = n.charges;
  const text = n.text;
  if (p.charges && !anyIncludes(p.charges, charges)) failed.push('charges');
  if (p.codeArticles) {
    const body = text();
    if (!p.codeArticles.some((re) => re.test(charges) || re.test(body))) failed.push('code_articles');
  }
  if (p.courts && !(n.court && anyIncludes(p.courts, n.court))) failed.push('courts');
  if (m.defendants && !m.defendants.some((p) => nameMatches(p, c.name))) failed.push('defendants');
  if (m.sources && !(c.sourceId && m.sources.includes(c.sourceId))) failed.push('sources');
  if (m.min_sentence_months !== undefined) {
    const months = c.sentenceKind === 'life' ? Infinity : Math.max(c.sentenceMonths ?? -1, c.sentenceMonthsMax ?? -1);
    if (months < m.min_sentence_months) failed.push('min_sentence_months');
  }
  if (m.statuses && !m.statuses.includes(c.status)) failed.push('statuses');
  if (p.keywords && !anyIncludes(p.keywords, text())) failed.push('keywords');
  if (m.min_confidence !== undefined && c.confidence < m.min_confidence) failed.push('min_confidence');
  return failed;
}

export function matchesRule(rule: Pick<AlertRule, 'match'>, candidate: AlertCandidate): boolean {
  return explainMismatch(rule, candidate).length === 0;
}
