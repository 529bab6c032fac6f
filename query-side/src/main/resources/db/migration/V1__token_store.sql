-- The query side's own schema: its views (one package and processing group each) and the tokens that say how far
-- each view has read the event store. The event store itself belongs to the command side (schema events).
create table query.token_entry (
    processor_name varchar(255) not null,
    segment        integer      not null,
    token          text,
    token_type     varchar(255),
    timestamp      varchar(255),
    owner          varchar(255),
    primary key (processor_name, segment)
);
