-- A database seeded before the seed published its directives: the directives the seed loader wrote (by the
-- database role, no person) and that no import brought in are the published programme and the documents
-- it cites. Ones registered or imported by a person keep their state.
update directive d set published = true
 where not d.published
   and exists (select from audit_event e where e.table_name = 'directive' and e.row_id = d.id and e.action = 'insert' and e.actor_id is null)
   and not exists (select from document_import i where i.directive_id = d.id);
