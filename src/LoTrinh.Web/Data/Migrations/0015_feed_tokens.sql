-- An operations centre (IOC) pulls the programme's figures every day with a token that should open nothing else
-- (issue 15): a token's scope is "all" (what its holder may do) or "feed" (/api/feed only).
alter table access_token add column scope text not null default 'all' check (scope in ('all', 'feed'));
