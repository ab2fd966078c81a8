-- How many times reading an import has started: a file that stops the app every time is given up
-- after a few attempts instead of being read again at every start.
alter table document_import add column attempts integer not null default 0;
