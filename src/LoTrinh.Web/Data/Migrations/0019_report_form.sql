-- The secretariat's report form (issue 18): who issues the periodic report, its symbol and place, the text around the
-- figures with its placeholders, who signs and to whom it goes. One row, written the first time the secretariat saves
-- it; until then the report uses Core's default form (ReportForm.Default). Checked by Core before it is saved.
create table report_form (
  id integer primary key default 1 check (id = 1),
  parent_body text check (length(parent_body) <= 200),
  issuing_body text not null check (length(issuing_body) between 1 and 200),
  symbol text not null check (length(symbol) between 1 and 40),
  place text not null check (length(place) between 1 and 100),
  title text not null check (length(title) between 1 and 500),
  body text not null check (length(body) between 1 and 20000),
  signature_lines text[] not null,
  signer text check (length(signer) <= 100),
  recipients text[] not null,
  filing text not null check (length(filing) between 1 and 100),
  updated_by bigint references app_user (id) on delete set null,
  updated_at timestamptz not null default now()
);
create trigger audit after insert or update or delete on report_form for each row execute function audit_change('report_form', 'id');
