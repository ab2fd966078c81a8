-- Directive imports: an uploaded file, read in the background, reviewed by a person, then saved as a
-- directive with the items the reviewer accepted. The file is kept as uploaded, for provenance.

create table document_import (
  id uuid primary key,
  file_name text not null,
  -- SHA-256 of the file as uploaded, and of its normalised text: the same directive uploaded twice
  file_hash text not null,
  text_hash text,
  content bytea not null,
  -- queued → reading → ready (to review) → saved; or failed with a problem
  stage text not null check (stage in ('queued', 'reading', 'ready', 'saved', 'failed')),
  -- while reading: the step under way, for the progress bar
  step text,
  percent integer not null default 0 check (percent between 0 and 100),
  problem text,
  text text,
  -- what was read, then as the reviewer last left it (the review form, as JSON)
  draft jsonb,
  warnings jsonb not null default '[]',
  directive_id bigint references directive (id),
  uploaded_by text,
  created_at timestamptz not null default now(),
  saved_at timestamptz,
  check ((stage = 'saved') = (directive_id is not null))
);
create index document_import_file_hash on document_import (file_hash);
create index document_import_text_hash on document_import (text_hash) where text_hash is not null;
