-- Up Migration

-- One backfill run, keyed by its parameters (mode, source, date range, files...), so running the same
-- command again finds its checkpoint and continues instead of starting over.
CREATE TABLE backfill_runs (
  id               bigserial PRIMARY KEY,
  run_key          text NOT NULL UNIQUE,
  mode             text NOT NULL CHECK (mode IN ('wayback', 'warc', 'sitemap', 'dir')),
  source_id        text,
  params           jsonb NOT NULL DEFAULT '{}'::jsonb,
  status           text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'interrupted', 'failed', 'completed')),
  found            integer NOT NULL DEFAULT 0,
  done             integer NOT NULL DEFAULT 0,
  fetched          integer NOT NULL DEFAULT 0,
  skipped_known    integer NOT NULL DEFAULT 0,
  skipped_other    integer NOT NULL DEFAULT 0,
  failed           integer NOT NULL DEFAULT 0,
  records_created  integer NOT NULL DEFAULT 0,
  last_error       text,
  started_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  finished_at      timestamptz
);
CREATE INDEX backfill_runs_updated_idx ON backfill_runs (updated_at DESC);

-- The checkpoint proper: one row per item a run has finished with. On resume every item with a row
-- (except failed ones, which are retried) is skipped without being fetched again.
CREATE TABLE backfill_items (
  run_id       bigint NOT NULL REFERENCES backfill_runs(id) ON DELETE CASCADE,
  item_key     text NOT NULL,
  url          text NOT NULL,
  outcome      text NOT NULL CHECK (outcome IN ('stored', 'known', 'skipped', 'failed')),
  page_id      bigint,
  records      integer NOT NULL DEFAULT 0,
  reason       text,
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (run_id, item_key)
);

-- Down Migration
DROP TABLE backfill_items;
DROP TABLE backfill_runs;
