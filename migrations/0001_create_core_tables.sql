-- Up Migration

-- A configured place articles come from (config/sources.yml is the source of truth; this row mirrors it
-- so pages, articles and alerts can refer to it and `courtwatch status` can show its health).
CREATE TABLE sources (
  id               text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]*$'),
  name             text NOT NULL,
  kind             text NOT NULL,
  url              text NOT NULL,
  config           jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- ETag / Last-Modified / content hash of the last discovery fetch, so unchanged feeds cost one 304
  discovery_state  jsonb NOT NULL DEFAULT '{}'::jsonb,
  last_success_at  timestamptz,
  last_failure_at  timestamptz,
  last_error       text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);

-- Raw fetched bytes, kept so improved rules can re-extract without the network.
CREATE TABLE pages (
  id            bigserial PRIMARY KEY,
  source_id     text REFERENCES sources(id) ON DELETE SET NULL,
  url           text NOT NULL,
  final_url     text NOT NULL,
  status        integer NOT NULL,
  headers       jsonb NOT NULL DEFAULT '{}'::jsonb,
  body          bytea NOT NULL,
  content_type  text,
  charset       text,
  content_hash  text NOT NULL,
  origin        text NOT NULL DEFAULT 'live' CHECK (origin IN ('live', 'wayback', 'warc', 'sitemap', 'dir')),
  archived_at   timestamptz,
  fetched_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (final_url, content_hash)
);
CREATE INDEX pages_source_fetched_idx ON pages (source_id, fetched_at DESC);

-- One news article, identified by its canonical URL (two URLs of the same article are one article).
CREATE TABLE articles (
  id                 bigserial PRIMARY KEY,
  canonical_url      text NOT NULL UNIQUE,
  source_id          text REFERENCES sources(id) ON DELETE SET NULL,
  page_id            bigint REFERENCES pages(id) ON DELETE SET NULL,
  title              text,
  author             text,
  published_at       timestamptz,
  language           text,
  text               text NOT NULL,
  text_hash          text NOT NULL,
  extractor_version  text,
  extracted_at       timestamptz,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX articles_source_idx ON articles (source_id, published_at DESC);

-- The same verdict reported by several articles is one case.
CREATE TABLE cases (
  id             bigserial PRIMARY KEY,
  name_key       text,
  court_key      text,
  verdict_date   date,
  verdict_date_precision text CHECK (verdict_date_precision IS NULL OR verdict_date_precision IN ('day', 'month', 'year')),
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cases_name_key_idx ON cases (name_key);

-- One row per defendant, or per unnamed group, per article.
CREATE TABLE records (
  id                      bigserial PRIMARY KEY,
  article_id              bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  -- stable key of the record inside its article: normalised name, or group:<count>:<ordinal>
  record_key              text NOT NULL,
  ordinal                 integer NOT NULL DEFAULT 0,
  name                    text,
  name_key                text,
  count                   integer NOT NULL DEFAULT 1 CHECK (count >= 1),
  age                     integer CHECK (age IS NULL OR age BETWEEN 0 AND 120),
  age_min                 integer,
  age_max                 integer,
  charges                 text[] NOT NULL DEFAULT '{}',
  court                   text,
  sentence_kind           text CHECK (sentence_kind IS NULL OR sentence_kind IN
                            ('prison', 'suspended', 'probation', 'restricted_freedom', 'fine', 'life', 'death',
                             'acquitted', 'community', 'other')),
  sentence_months         numeric,
  sentence_months_max     numeric,
  fine                    text,
  verdict_date            date,
  verdict_date_precision  text CHECK (verdict_date_precision IS NULL OR verdict_date_precision IN ('day', 'month', 'year')),
  status                  text NOT NULL CHECK (status IN
                            ('convicted', 'acquitted', 'charged_only', 'appeal_upheld', 'appeal_reduced')),
  evidence                jsonb NOT NULL DEFAULT '{}'::jsonb,
  confidence              real NOT NULL DEFAULT 0 CHECK (confidence BETWEEN 0 AND 1),
  extractor_version       text NOT NULL,
  review_status           text NOT NULL DEFAULT 'pending' CHECK (review_status IN ('pending', 'accepted', 'rejected')),
  edited                  boolean NOT NULL DEFAULT false,
  reviewed_by             text,
  reviewed_at             timestamptz,
  -- what a re-extraction found when it disagreed with a reviewer's decision (never applied silently)
  conflict                jsonb,
  case_id                 bigint REFERENCES cases(id) ON DELETE SET NULL,
  created_at              timestamptz NOT NULL DEFAULT now(),
  updated_at              timestamptz NOT NULL DEFAULT now(),
  UNIQUE (article_id, record_key)
);
CREATE INDEX records_review_queue_idx ON records (review_status, verdict_date DESC NULLS LAST, id DESC);
CREATE INDEX records_case_idx ON records (case_id);
CREATE INDEX records_name_key_idx ON records (name_key);

CREATE TABLE users (
  id             bigserial PRIMARY KEY,
  username       text NOT NULL UNIQUE,
  password_hash  text NOT NULL,
  role           text NOT NULL DEFAULT 'reviewer' CHECK (role IN ('reviewer', 'admin')),
  disabled       boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL DEFAULT now()
);

-- Audit trail: every reviewer change, field by field.
CREATE TABLE review_events (
  id          bigserial PRIMARY KEY,
  record_id   bigint REFERENCES records(id) ON DELETE SET NULL,
  case_id     bigint REFERENCES cases(id) ON DELETE SET NULL,
  user_id     bigint REFERENCES users(id) ON DELETE SET NULL,
  username    text NOT NULL,
  action      text NOT NULL,
  field       text,
  old_value   jsonb,
  new_value   jsonb,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX review_events_record_idx ON review_events (record_id, created_at);

CREATE TABLE alert_rules (
  id          text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]*$'),
  name        text NOT NULL,
  definition  jsonb NOT NULL,
  origin      text NOT NULL DEFAULT 'file' CHECK (origin IN ('file', 'ui')),
  enabled     boolean NOT NULL DEFAULT true,
  feed_token  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- One delivery per rule, case and channel: the unique key is written before sending.
CREATE TABLE alert_deliveries (
  id               bigserial PRIMARY KEY,
  rule_id          text NOT NULL REFERENCES alert_rules(id) ON DELETE CASCADE,
  case_id          bigint NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  channel          text NOT NULL,
  record_ids       bigint[] NOT NULL DEFAULT '{}',
  status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts         integer NOT NULL DEFAULT 0,
  last_error       text,
  next_attempt_at  timestamptz NOT NULL DEFAULT now(),
  sent_at          timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (rule_id, case_id, channel)
);
CREATE INDEX alert_deliveries_due_idx ON alert_deliveries (status, next_attempt_at);

-- Down Migration
DROP TABLE alert_deliveries;
DROP TABLE alert_rules;
DROP TABLE review_events;
DROP TABLE users;
DROP TABLE records;
DROP TABLE cases;
DROP TABLE articles;
DROP TABLE pages;
DROP TABLE sources;
