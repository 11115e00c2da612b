-- Users, passwords, roles and users' sub-clusters change what a caller may see. Every app instance
-- polls tile_invalidation; a 'users' record makes each of them forget the HTTP Basic checks it
-- remembered (org.clearway.security.RequestCaller), so a disabled user or a changed scope takes
-- effect within about a second everywhere.
CREATE TRIGGER app_user_changes AFTER INSERT OR DELETE OR UPDATE OF username, display_name, password_hash, role, organisation_id, enabled ON app_user
    FOR EACH STATEMENT EXECUTE FUNCTION tile_invalidate('users', 'none');
CREATE TRIGGER app_user_subcluster_changes AFTER INSERT OR UPDATE OR DELETE ON app_user_subcluster
    FOR EACH STATEMENT EXECUTE FUNCTION tile_invalidate('users', 'none');
