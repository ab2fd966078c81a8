-- The least a request can cost the database: one round trip.
select 1;
