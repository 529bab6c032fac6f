-- A client whose personal data was erased keeps their place in the view (their sessions' clinical facts stay) but
-- no longer has a name or birth date here: the columns become empty rather than hold anything personal.
alter table query.history_client
    alter column given_name drop not null,
    alter column family_name drop not null,
    alter column date_of_birth drop not null;
