-- The public's first page of 100 published directives with their links, and how many there are.
select count(*) from directive where published;
with page as (select id, number, kind, issuer_name, issued_on, title, full_text is not null from directive
               where published order by issued_on nulls last, id limit 100)
select p.*, (select json_agg(json_build_object('relation', l.relation, 'to', l.to_directive_id) order by l.id)
               from directive_link l where l.from_directive_id = p.id)
  from page p order by p.issued_on nulls last, p.id;
