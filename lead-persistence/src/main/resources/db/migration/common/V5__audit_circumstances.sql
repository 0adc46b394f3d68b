-- The read audit keeps the reader's circumstances as the host stated them (own record, assigned, in an OWG meeting),
-- as the disclosure log does, so an audit can compare them with the host's own records. Portable DDL only.
alter table audit_entry add column own_record boolean default false not null;
alter table audit_entry add column assigned boolean default false not null;
alter table audit_entry add column in_owg_meeting boolean default false not null;
