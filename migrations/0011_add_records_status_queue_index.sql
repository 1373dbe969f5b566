-- Up Migration

-- The queue filtered to one review status (the Pending / Accepted / Rejected tabs) reads its pages from
-- this index in order, instead of walking the whole queue-order index past the other statuses.
CREATE INDEX records_status_queue_idx ON records (review_status, (COALESCE(verdict_date, '-infinity'::date)), id);

-- Down Migration
DROP INDEX IF EXISTS records_status_queue_idx;
