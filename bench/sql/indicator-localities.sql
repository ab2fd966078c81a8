-- An indicator's locality table (the last indicator, as indicator.sql): the first 50 units by code with a figure up to
-- today, their two latest figures, the successors of those retired, and how many units there are.
with units as (
  select u.id, u.code, u.name, u.valid_to from administrative_unit u
   where exists (select from measurement m where m.indicator_id = (select max(id) from indicator) and m.administrative_unit_id = u.id
                   and m.period_end <= current_date and m.deleted_at is null)
   order by u.code, u.id limit 50)
select u.*, f.value, f.period_label, f.period_end
  from units u cross join lateral (
    select m.value, m.period_label, m.period_end from measurement m
     where m.indicator_id = (select max(id) from indicator) and m.administrative_unit_id = u.id and m.period_end <= current_date and m.deleted_at is null
     order by m.period_end desc, m.id desc limit 2) f;
select l.predecessor_id, l.successor_id, s.name from unit_lineage l join administrative_unit s on s.id = l.successor_id
 where l.predecessor_id in (select id from administrative_unit order by code limit 50);
select count(*) from administrative_unit u
 where exists (select from measurement m where m.indicator_id = (select max(id) from indicator) and m.administrative_unit_id = u.id
                 and m.period_end <= current_date and m.deleted_at is null);
