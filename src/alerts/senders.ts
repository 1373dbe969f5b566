/**
 * Delivery over the wire: signed webhooks (undici) and SMTP email (nodemailer). Each send has a hard
 * timeout well below the delivery lease (engine.ts), so a slow receiver is never mistaken for a crash.
 */
import { createHmac } from 'node:crypto';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import { request } from 'undici';
import { AppError, coerceError } from '../errors.ts';
import { buildEmailHtml, buildEmailText, buildJsonPayload, buildSlackPayload, subjectFor, type MessageContext } from './format.ts';
import type { AlertChannel, AlertSettings, EmailChannel, WebhookChannel } from './rules-config.ts';

/** A send failed; always retryable from the engine's point of view (it owns the retry budget). */
export class AlertDeliveryError extends AppError {
  constructor(channel: string, message: string, options: { cause?: unknown } = {}) {
    super('ALERT_DELIVERY_FAILED', `${channel}: ${message}`, { ...options, retryable: true });
  }
}

// Longer than any reasonable receiver, much shorter than DELIVERY_LEASE_MS in engine.ts.
export const SEND_TIMEOUT_MS = 15_000;
export const SIGNATURE_HEADER = 'x-courtwatch-signature';
export const DELIVERY_HEADER = 'x-courtwatch-delivery';

/** "sha256=<hex HMAC-SHA256 of the exact body bytes>", as in the X-Courtwatch-Signature header. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

export interface Senders {
  webhook(channel: WebhookChannel, ctx: MessageContext): Promise<void>;
  email(channel: EmailChannel, ctx: MessageContext, settings: AlertSettings): Promise<void>;
}

async function sendWebhook(channel: WebhookChannel, ctx: MessageContext): Promise<void> {
  const body = JSON.stringify(channel.format === 'slack' ? buildSlackPayload(ctx) : buildJsonPayload(ctx));
  let res;
  try {
    res = await request(channel.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'courtwatch-alerts',
        ...(channel.secret ? { [SIGNATURE_HEADER]: signBody(channel.secret, body) } : {}),
        // receivers can drop an item they already have by its deliveryId; this names the whole batch
        [DELIVERY_HEADER]: ctx.items.map((i) => i.deliveryId).join(','),
      },
      body,
      headersTimeout: SEND_TIMEOUT_MS,
      bodyTimeout: SEND_TIMEOUT_MS,
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
  } catch (err) {
    throw new AlertDeliveryError(channel.key, `POST ${new URL(channel.url).origin} failed: ${coerceError(err).message}`, { cause: err });
  }
  // The body is not needed; dump() reads at most a bounded amount and frees the socket.
  await res.body.dump({ limit: 65_536 }).catch(() => undefined);
  if (res.statusCode < 200 || res.statusCode >= 300) {
    throw new AlertDeliveryError(channel.key, `POST ${new URL(channel.url).origin} answered HTTP ${res.statusCode}`);
  }
}

/** An SMTP transport from a connection URL, with timeouts so a stuck server cannot hold a delivery lease. */
function smtpTransport(url: string) {
  return nodemailer.createTransport({
    url,
    connectionTimeout: SEND_TIMEOUT_MS,
    greetingTimeout: SEND_TIMEOUT_MS,
    socketTimeout: SEND_TIMEOUT_MS,
  } as SMTPTransport.Options);
}

async function sendEmail(channel: EmailChannel, ctx: MessageContext, settings: AlertSettings): Promise<void> {
  if (!settings.smtp) throw new AlertDeliveryError(channel.key, 'no SMTP server configured (settings.smtp in the alerts file)');
  const transport = smtpTransport(settings.smtp.url);
  try {
    await transport.sendMail({
      from: settings.smtp.from,
      to: channel.to,
      subject: subjectFor(ctx, channel.subject_prefix),
      text: buildEmailText(ctx),
      html: buildEmailHtml(ctx),
      headers: { 'X-Courtwatch-Delivery': ctx.items.map((i) => i.deliveryId).join(',') },
    });
  } catch (err) {
    throw new AlertDeliveryError(channel.key, `SMTP send failed: ${coerceError(err).message}`, { cause: err });
  } finally {
    transport.close();
  }
}

export const defaultSenders: Senders = { webhook: sendWebhook, email: sendEmail };

export async function sendToChannel(senders: Senders, channel: AlertChannel, ctx: MessageContext, settings: AlertSettings): Promise<void> {
  if (channel.type === 'webhook') return senders.webhook(channel, ctx);
  return senders.email(channel, ctx, settings);
}

/** Tells the admins by email that a channel was disabled (best effort: the error log already has it). */
export async function emailAdmins(settings: AlertSettings, subject: string, text: string): Promise<void> {
  if (!settings.smtp || settings.admins.length === 0) return;
  const transport = smtpTransport(settings.smtp.url);
  try {
    await transport.sendMail({ from: settings.smtp.from, to: settings.admins, subject, text });
  } finally {
    transport.close();
  }
}
