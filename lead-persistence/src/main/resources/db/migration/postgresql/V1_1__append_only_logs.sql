-- PostgreSQL enforces what the code promises: the audit and disclosure logs are append-only, and an event, once
-- written, can only be marked published. UPDATE and DELETE are refused by the database itself, whoever connects.

create function lead_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'table % is append-only: % refused', tg_table_name, tg_op using errcode = 'check_violation';
end;
$$;

create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function lead_refuse_change();
create trigger disclosure_entry_append_only before update or delete on disclosure_entry
    for each row execute function lead_refuse_change();

create function lead_event_publish_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'domain_event is append-only: DELETE refused' using errcode = 'check_violation';
    end if;
    if new.seq is distinct from old.seq or new.aggregate_id is distinct from old.aggregate_id
            or new.event_type is distinct from old.event_type or new.occurred_at is distinct from old.occurred_at
            or new.payload is distinct from old.payload or old.published_at is not null then
        raise exception 'domain_event is append-only: only an unpublished event may be marked published'
            using errcode = 'check_violation';
    end if;
    return new;
end;
$$;

create trigger domain_event_publish_only before update or delete on domain_event
    for each row execute function lead_event_publish_only();

-- TRUNCATE bypasses row triggers; refuse it too.
create function lead_refuse_truncate() returns trigger language plpgsql as $$
begin
    raise exception 'table % is append-only: TRUNCATE refused', tg_table_name using errcode = 'check_violation';
end;
$$;
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function lead_refuse_truncate();
create trigger disclosure_entry_no_truncate before truncate on disclosure_entry
    for each statement execute function lead_refuse_truncate();
create trigger domain_event_no_truncate before truncate on domain_event
    for each statement execute function lead_refuse_truncate();
