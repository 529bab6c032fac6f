-- Command-side lookup tables: what the aggregates must know about one another (does the client exist and consent
-- to treatment? is the therapist active? is a licence number taken?). Kept by subscribing event handlers in the
-- same transaction as the events they follow, so they never lag behind the event store.
create table command.client_registry (
    client_id            uuid    primary key,
    consents_to_treatment       boolean not null,
    consents_to_data_processing boolean not null
);

create table command.therapist_roster (
    therapist_id   uuid         primary key,
    license_number varchar(100) not null unique,
    active         boolean      not null
);

-- The clinic's users, read by both processes to authenticate requests. Roles and activity follow the user
-- events; the password hash never enters an event and is written beside them in the same transaction.
create table identity.user_account (
    username      varchar(64)  primary key,
    password_hash varchar(255),
    roles         text[]       not null,
    active        boolean      not null
);
