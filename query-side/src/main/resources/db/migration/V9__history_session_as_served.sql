-- A session's document is kept as the JSON text the history answers with, and written out as it is: type json keeps
-- the text as it was written, where jsonb reorders its keys and had to be turned back into text, parsed and
-- serialised again on every read. Nothing queries inside the documents. Beside each, its facts: what the client's
-- pain trend and muscle summary take from the session (start, pain scores, trigger points and their release), coded
-- values only, so a read parses those instead of the whole record.
--
-- Existing rows are converted here to the very text the query side writes (and answered with before): keys in each
-- record's declared order, no spaces, strings and numbers as Jackson writes them. A rebuild of the view
-- (POST /api/admin/projections/client-history/rebuild) writes the same from the events. The helper functions are
-- dropped at the end.

-- A string as Jackson writes it to UTF-8: " and \ escaped, \b \t \n \f \r by their short forms and the other control
-- characters as \u00XX (upper-case hex, where PostgreSQL writes lower-case), a character beyond U+FFFF as its two
-- UTF-16 surrogates (where PostgreSQL writes it as it is). Most strings have neither, and PostgreSQL writes them alike.
create function query.v9_json_string(value text) returns text
    language plpgsql immutable as $$
declare
    written text := '';
    letter text;
    code integer;
begin
    if value !~ '[\x01-\x07\x0b\x0e-\x1f]|[\U00010000-\U0010ffff]' then
        return to_json(value)::text;
    end if;
    foreach letter in array regexp_split_to_array(value, '') loop
        code := ascii(letter);
        written := written || case
            when letter = '"' then '\"'
            when letter = '\' then '\\'
            when code = 8 then '\b'
            when code = 9 then '\t'
            when code = 10 then '\n'
            when code = 12 then '\f'
            when code = 13 then '\r'
            when code < 32 then '\u00' || upper(lpad(to_hex(code), 2, '0'))
            when code > 65535 then '\u' || upper(to_hex(55296 + ((code - 65536) >> 10)))
                                || '\u' || upper(to_hex(56320 + ((code - 65536) & 1023)))
            else letter
        end;
    end loop;
    return '"' || written || '"';
end
$$;

-- A number as Java's BigDecimal writes it: as PostgreSQL does, except below 0.000001, where it takes an exponent
-- (0.00000001 is 1E-8).
create function query.v9_json_number(value text) returns text
    language plpgsql immutable as $$
declare
    digits text;
    scale integer;
    adjusted integer;
begin
    if value !~ '^-?0\.0{6}' then
        return value;
    end if;
    scale := length(split_part(value, '.', 2));
    digits := coalesce(nullif(ltrim(translate(value, '-.', ''), '0'), ''), '0');
    adjusted := length(digits) - 1 - scale;
    return case when value like '-%' then '-' else '' end || left(digits, 1)
        || case when length(digits) > 1 then '.' || substr(digits, 2) else '' end || 'E' || adjusted;
end
$$;

create function query.v9_json_in_order(value jsonb, key_order text[]) returns text
    language plpgsql immutable as $$
begin
    return case jsonb_typeof(value)
        when 'object' then '{' || coalesce((
            select string_agg(to_json(key)::text || ':' || query.v9_json_in_order(item, key_order), ','
                              order by array_position(key_order, key), key)
            from jsonb_each(value) as field(key, item)), '') || '}'
        when 'array' then '[' || coalesce((
            select string_agg(query.v9_json_in_order(item, key_order), ',' order by place)
            from jsonb_array_elements(value) with ordinality as element(item, place)), '') || ']'
        when 'string' then query.v9_json_string(value #>> '{}')
        when 'number' then query.v9_json_number(value::text)
        else value::text
    end;
end
$$;

alter table query.history_session add column facts json;

update query.history_session set facts = json_build_object(
    'sessionId', doc -> 'sessionId',
    'startedAt', doc -> 'startedAt',
    'painScore', doc -> 'assessment' -> 'painScore',
    'postSessionPainScore', doc -> 'completion' -> 'postSessionPainScore',
    'triggerPoints', coalesce((
        select json_agg(json_build_object(
                   'muscle', trigger_point -> 'muscle',
                   'side', trigger_point -> 'side',
                   'kind', trigger_point -> 'kind',
                   'identifiedAt', trigger_point -> 'identifiedAt',
                   'pressurePainThreshold', trigger_point -> 'pressurePainThreshold',
                   'tissueResponse', trigger_point -> 'release' -> 'tissueResponse',
                   'pressurePainThresholdAfter', trigger_point -> 'release' -> 'pressurePainThresholdAfter')
                   order by place)
        from jsonb_array_elements(doc -> 'triggerPoints') with ordinality as found(trigger_point, place)), '[]'::json));

-- Every record type of a session's document fits one ranking of all key names: where two share a name (side, notes),
-- the ranking keeps each one's own order.
alter table query.history_session
    alter column facts set not null,
    alter column doc type json using query.v9_json_in_order(doc, array[
        -- the session
        'sessionId', 'therapistId', 'startedAt', 'assessment', 'triggerPoints', 'techniques', 'completion',
        'sorenessReports', 'amendments',
        -- its assessment
        'painScore', 'painPattern', 'posture', 'movementRestrictions', 'regions', 'rangeOfMotion', 'recordedAt',
        -- a range of motion (joint, movement, side, degrees, active) and a trigger point (triggerPointId, muscle,
        -- side, kind, ...)
        'joint', 'movement', 'triggerPointId', 'muscle', 'side', 'degrees', 'active', 'kind', 'referralPattern',
        'localTwitchResponse', 'pressurePainThreshold', 'identifiedAt', 'release',
        -- a release
        'pressure', 'holdSeconds', 'tissueResponse', 'referredSensationReproduced', 'pressurePainThresholdAfter',
        'releasedAt',
        -- a technique (technique, notes, appliedAt), the completion (postSessionPainScore, notes, signedBy,
        -- signedAt) and a soreness report (hoursAfterSession, severity, resolved, notes, reportedAt, recordedBy,
        -- needsAttention)
        'technique', 'postSessionPainScore', 'hoursAfterSession', 'severity', 'resolved', 'notes', 'appliedAt',
        'signedBy', 'signedAt', 'reportedAt', 'recordedBy', 'needsAttention',
        -- an amendment and each of its corrections
        'amendmentId', 'corrections', 'reason', 'amendedBy', 'amendedAt',
        'field', 'original', 'corrected']::text[])::json;

drop function query.v9_json_in_order(jsonb, text[]);
drop function query.v9_json_number(text);
drop function query.v9_json_string(text);
