-- Up Migration

-- Review UI sessions. Only a SHA-256 hash of the cookie token is stored, so a leaked table cannot be
-- replayed as cookies. The CSRF synchronizer token lives with the session it protects.
CREATE TABLE sessions (
  token_hash    text PRIMARY KEY,
  user_id       bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

-- Which extraction rule produced each field ({"name": "name-subject-sentenced", ...}); the review stats
-- page groups reviewers' decisions by it so the weakest rules are visible.
ALTER TABLE records ADD COLUMN IF NOT EXISTS rules jsonb NOT NULL DEFAULT '{}'::jsonb;

-- The review queue's order: pending first, then newest verdict, then newest record. One index on the
-- exact expressions the queue sorts by lets a page (and keyset "next page") be read without sorting.
CREATE INDEX records_queue_order_idx ON records (
  (review_status = 'pending'), (COALESCE(verdict_date, '-infinity'::date)), id
);

-- Free text over names, court and filters: trigram indexes make ILIKE '%...%' indexable.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX records_name_trgm_idx ON records USING gin (name gin_trgm_ops);
CREATE INDEX records_court_trgm_idx ON records USING gin (court gin_trgm_ops);
CREATE INDEX records_charges_idx ON records USING gin (charges);
CREATE INDEX records_verdict_date_idx ON records (verdict_date);
CREATE INDEX records_sentence_months_idx ON records (sentence_months);
CREATE INDEX records_article_idx ON records (article_id);
CREATE INDEX review_events_case_idx ON review_events (case_id, created_at);

-- Down Migration
DROP INDEX IF EXISTS review_events_case_idx;
DROP INDEX IF EXISTS records_article_idx;
DROP INDEX IF EXISTS records_sentence_months_idx;
DROP INDEX IF EXISTS records_verdict_date_idx;
DROP INDEX IF EXISTS records_charges_idx;
DROP INDEX IF EXISTS records_court_trgm_idx;
DROP INDEX IF EXISTS records_name_trgm_idx;
DROP INDEX IF EXISTS records_queue_order_idx;
ALTER TABLE records DROP COLUMN IF EXISTS rules;
DROP TABLE sessions;
