-- The day's secret for call keys is written to no write-ahead log: it never reaches a standby server, a WAL archive
-- or a point-in-time backup, from which a copy could otherwise link a day's call keys to Twilio's CallSids long
-- after the day is over. Lost in a crash or a failover, it is made again: calls in progress then get a second key.
-- (pg_dump still includes it: see README, Running several instances.)
ALTER TABLE call_key_secret SET UNLOGGED;
