/** Admins edit alert rules in the UI (issue 8): list with channel health, switch on/off, save a definition. */
import type { FastifyInstance } from 'fastify';
import { saveRuleFromUi } from '../../alerts/engine.ts';
import { AppError } from '../../errors.ts';
import { listAlertRules, listChannelHealth, setAlertRuleEnabled } from '../../store/alerts.ts';
import type { Db } from '../../store/db.ts';
import { alertRulesPage } from '../views/alert-rules.ts';
import { errorPage } from '../views/layout.ts';
import { bodyOf, sendHtml, viewerOf } from './records.ts';

/** A definition is a few hundred bytes; this bounds what one form post can make us parse. */
const MAX_DEFINITION_CHARS = 20_000;

export function registerAlertRuleRoutes(app: FastifyInstance, db: Db): void {
  app.register(async (admin) => {
    admin.addHook('onRequest', async (req, reply) => {
      if (req.viewer?.role !== 'admin') return sendHtml(reply, errorPage(viewerOf(req), 403, 'Only admins can change alert rules.'), 403);
    });

    const show = async (req: Parameters<typeof viewerOf>[0], problem: { ruleId: string | null; error: string; draft: string } | null = null) =>
      alertRulesPage(viewerOf(req), await listAlertRules(db), await listChannelHealth(db), problem);

    admin.get('/admin/alerts', async (req, reply) => sendHtml(reply, await show(req)));

    admin.post('/admin/alerts/:id/enabled', async (req, reply) => {
      const id = String((req.params as Record<string, unknown>).id);
      const enabled = bodyOf(req).enabled === 'true';
      if (!(await setAlertRuleEnabled(db, id, enabled))) return sendHtml(reply, errorPage(viewerOf(req), 404, 'No such alert rule.'), 404);
      return reply.redirect(`/admin/alerts#rule-${encodeURIComponent(id)}`, 303);
    });

    admin.post('/admin/alerts', async (req, reply) => {
      const draft = String(bodyOf(req).definition ?? '').slice(0, MAX_DEFINITION_CHARS);
      let parsed: unknown;
      try {
        parsed = JSON.parse(draft);
      } catch (err) {
        return sendHtml(reply, await show(req, { ruleId: null, error: `Not valid JSON: ${(err as Error).message}`, draft }), 400);
      }
      const id = typeof (parsed as { id?: unknown })?.id === 'string' ? (parsed as { id: string }).id : null;
      try {
        const rule = await saveRuleFromUi(db, parsed);
        return reply.redirect(`/admin/alerts#rule-${encodeURIComponent(rule.id)}`, 303);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const known = id !== null && (await listAlertRules(db)).some((r) => r.id === id);
        return sendHtml(reply, await show(req, { ruleId: known ? id : null, error: err.message, draft }), 400);
      }
    });
  });
}
