-- The rights of the role the host runs under on PostgreSQL, a role that owns nothing: it reads and writes the data,
-- appends to the audit log, and can change no table, trigger or migration record. The owner of the tables (the role
-- the host migrated with) could drop the audit log's triggers; this one cannot, nor update, delete or truncate a line.
--
-- Run it as the owner, in the host's database, after the owner's start (it migrated), so every table exists:
--   psql "host=db.example.nl dbname=processengine user=processengine_owner" -v ON_ERROR_STOP=1 \
--        -v role=processengine_app -f deploy/postgres-host-role.sql
-- It is idempotent; run it again after every upgrade that the owner's start migrated (new tables get no rights
-- before that, and the host under this role then refuses to start and says so). Create the role itself first:
--   CREATE ROLE processengine_app LOGIN PASSWORD '…';
-- tests/Host.Tests/Security/AuditTableRoleAttackTests.cs runs this file with psql and then the host under the role.

-- One transaction: the role never holds, even for a moment, more than the end result below.
BEGIN;

SELECT format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), :'role') \gexec
GRANT USAGE ON SCHEMA public, hangfire TO :"role";

-- The data: the engine's, the RVT domain's and the host's own tables, and Hangfire's jobs.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public, hangfire TO :"role";
-- Hangfire's ids are serial columns, whose default calls nextval(); EF's identity columns need no sequence right.
GRANT USAGE ON ALL SEQUENCES IN SCHEMA hangfire TO :"role";

-- The audit log: read and append, nothing else (no UPDATE, DELETE, TRUNCATE, TRIGGER; only an owner may ALTER or DROP).
REVOKE ALL ON "AuditLog" FROM :"role";
GRANT SELECT, INSERT ON "AuditLog" TO :"role";

-- What says which schema version the database has: the host reads it to find nothing pending, only the owner writes it.
REVOKE ALL ON "__EFMigrationsHistory", "__CasusMigrationsHistory", "__PlatformMigrationsHistory", hangfire."schema" FROM :"role";
GRANT SELECT ON "__EFMigrationsHistory", "__CasusMigrationsHistory", "__PlatformMigrationsHistory", hangfire."schema" TO :"role";

COMMIT;
