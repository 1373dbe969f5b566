-- Up Migration

-- Health of one delivery channel of one rule (webhook-1, email-1, ...). A channel that keeps failing is
-- disabled here, so `courtwatch status` and the review UI can show it and an admin can re-enable it.
CREATE TABLE alert_channels (
  rule_id               text NOT NULL REFERENCES alert_rules(id) ON DELETE CASCADE,
  channel               text NOT NULL,
  enabled               boolean NOT NULL DEFAULT true,
  consecutive_failures  integer NOT NULL DEFAULT 0,
  failing_since         timestamptz,
  last_error            text,
  last_success_at       timestamptz,
  disabled_at           timestamptz,
  disabled_reason       text,
  updated_at            timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (rule_id, channel)
);

-- sending_since is the lease of the worker that claimed the row: a row left in 'sending' by a crashed
-- worker is re-queued once the lease expires (this is what bounds a crash to one duplicate).
-- first_attempt_at starts the ~2-day retry window (a weekly digest must not give up before it is due).
ALTER TABLE alert_deliveries
  ADD COLUMN sending_since     timestamptz,
  ADD COLUMN first_attempt_at  timestamptz;

CREATE INDEX alert_deliveries_rule_channel_idx ON alert_deliveries (rule_id, channel, status);

-- Down Migration
DROP INDEX alert_deliveries_rule_channel_idx;
ALTER TABLE alert_deliveries DROP COLUMN first_attempt_at, DROP COLUMN sending_since;
DROP TABLE alert_channels;
